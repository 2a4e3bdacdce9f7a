package dev.marketplace.stripestub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Money movements at the stub's "Stripe": customers, saved cards, payment intents, charges with their balance
 * transactions (fees computed by {@link Fees}), refunds and disputes. Every method runs under the state's monitor
 * (held by the caller) and appends the events it causes to {@code events}, in the order Stripe emits them.
 */
final class Charging {

    private final StubState state;

    Charging(StubState state) {
        this.state = state;
    }

    Map<String, Object> createCustomer(String email, String name, Map<String, Object> metadata,
                                       List<Map<String, Object>> events) {
        Map<String, Object> customer = state.create("cus", "customer");
        customer.put("email", email);
        customer.put("name", name);
        customer.put("description", null);
        customer.put("metadata", metadata == null ? new LinkedHashMap<>() : metadata);
        Map<String, Object> invoiceSettings = new LinkedHashMap<>();
        invoiceSettings.put("default_payment_method", null);
        customer.put("invoice_settings", invoiceSettings);
        events.add(state.event("customer.created", customer));
        return customer;
    }

    /** A card payment method with {@code card}'s behaviour, attached to {@code customerId} when not null. */
    Map<String, Object> createCard(TestCard card, String customerId, List<Map<String, Object>> events) {
        Map<String, Object> pm = state.create("pm", "payment_method");
        pm.put("type", "card");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("brand", "visa");
        details.put("last4", card.last4);
        details.put("exp_month", 12);
        details.put("exp_year", 2034);
        details.put("funding", "credit");
        details.put("country", "US");
        pm.put("card", details);
        pm.put("customer", customerId);
        pm.put("metadata", new LinkedHashMap<>());
        pm.put("billing_details", new LinkedHashMap<>(Map.of("address", new LinkedHashMap<>())));
        if (customerId != null) {
            events.add(state.event("payment_method.attached", pm));
        }
        return pm;
    }

    Map<String, Object> newPaymentIntent(long amount, String currency, String customer, String description,
                                         Map<String, Object> metadata, String setupFutureUsage) {
        if (amount < 50) {
            throw new StripeError(400, "invalid_request_error", "amount_too_small",
                    "Amount must be at least $0.50 usd", "amount", null);
        }
        if (amount > 99_999_999) {
            throw new StripeError(400, "invalid_request_error", "amount_too_large",
                    "Amount must be no more than $999,999.99", "amount", null);
        }
        Map<String, Object> pi = state.create("pi", "payment_intent");
        pi.put("amount", amount);
        pi.put("amount_capturable", 0L);
        pi.put("amount_received", 0L);
        pi.put("capture_method", "automatic");
        pi.put("client_secret", pi.get("id") + "_secret_stub");
        pi.put("confirmation_method", "automatic");
        pi.put("currency", currency);
        pi.put("customer", customer);
        pi.put("description", description);
        pi.put("last_payment_error", null);
        pi.put("latest_charge", null);
        pi.put("metadata", metadata == null ? new LinkedHashMap<>() : metadata);
        pi.put("next_action", null);
        pi.put("payment_method", null);
        pi.put("payment_method_types", new ArrayList<>(List.of("card")));
        pi.put("setup_future_usage", setupFutureUsage);
        pi.put("status", "requires_payment_method");
        return pi;
    }

    /**
     * Pays {@code pi} with {@code pm} as the card's behaviour says (or as {@code forced} says, for the Checkout
     * page's buttons). Success: a charge and its balance transaction. Decline: a failed charge and a 402 card_error
     * to throw. Action: status requires_action.
     *
     * @return the card error to answer with, or {@code null}
     */
    StripeError confirm(Map<String, Object> pi, Map<String, Object> pm, TestCard outcome,
                        List<Map<String, Object>> events) {
        pi.put("payment_method", pm.get("id"));
        switch (outcome) {
            case SUCCEED -> {
                succeed(pi, pm, events);
                return null;
            }
            case ACTION -> {
                pi.put("status", "requires_action");
                Map<String, Object> next = new LinkedHashMap<>();
                next.put("type", "use_stripe_sdk");
                next.put("use_stripe_sdk", new LinkedHashMap<>(Map.of("type", "three_d_secure_redirect")));
                pi.put("next_action", next);
                events.add(state.event("payment_intent.requires_action", pi));
                return null;
            }
            default -> {
                return decline(pi, pm, "card_declined", "generic_decline", "Your card was declined.", events);
            }
        }
    }

    /** After requires_action: the customer authenticated (or failed to). */
    StripeError authenticate(Map<String, Object> pi, Map<String, Object> pm, boolean passed,
                             List<Map<String, Object>> events) {
        if (passed) {
            succeed(pi, pm, events);
            return null;
        }
        return decline(pi, pm, "payment_intent_authentication_failure", null,
                "We are unable to authenticate your payment method. Please choose a different payment method and"
                        + " try again.", events);
    }

    private void succeed(Map<String, Object> pi, Map<String, Object> pm, List<Map<String, Object>> events) {
        long amount = (Long) pi.get("amount");
        Map<String, Object> charge = charge(pi, pm, "succeeded");
        Map<String, Object> txn = balanceTransaction(amount, Fees.cardFeeCents(amount), "charge", "charge",
                (String) charge.get("id"), (String) pi.get("currency"), "Stripe processing fees");
        charge.put("balance_transaction", txn.get("id"));
        pi.put("status", "succeeded");
        pi.put("amount_received", amount);
        pi.put("last_payment_error", null);
        pi.put("next_action", null);
        pi.put("latest_charge", charge.get("id"));
        events.add(state.event("charge.succeeded", charge));
        events.add(state.event("payment_intent.succeeded", pi));
    }

    private StripeError decline(Map<String, Object> pi, Map<String, Object> pm, String code, String declineCode,
                                String message, List<Map<String, Object>> events) {
        Map<String, Object> charge = charge(pi, pm, "failed");
        charge.put("failure_code", code);
        charge.put("failure_message", message);
        charge.put("paid", false);
        charge.put("captured", false);
        charge.put("amount_captured", 0L);
        Map<String, Object> lastError = new LinkedHashMap<>();
        lastError.put("type", "card_error");
        lastError.put("code", code);
        lastError.put("decline_code", declineCode);
        lastError.put("message", message);
        lastError.put("charge", charge.get("id"));
        lastError.put("payment_method", JsonText.copy(pm));
        pi.put("status", "requires_payment_method");
        pi.put("last_payment_error", lastError);
        pi.put("next_action", null);
        pi.put("latest_charge", charge.get("id"));
        events.add(state.event("charge.failed", charge));
        events.add(state.event("payment_intent.payment_failed", pi));
        return new StripeError(402, "card_error", code, message, null, declineCode)
                .with("charge", charge.get("id"))
                .with("payment_intent", JsonText.copy(pi))
                .with("payment_method", JsonText.copy(pm));
    }

    private Map<String, Object> charge(Map<String, Object> pi, Map<String, Object> pm, String status) {
        long amount = (Long) pi.get("amount");
        Map<String, Object> charge = state.create("ch", "charge");
        charge.put("amount", amount);
        charge.put("amount_captured", amount);
        charge.put("amount_refunded", 0L);
        charge.put("balance_transaction", null);
        charge.put("captured", true);
        charge.put("currency", pi.get("currency"));
        charge.put("customer", pi.get("customer"));
        charge.put("description", pi.get("description"));
        charge.put("disputed", false);
        charge.put("failure_code", null);
        charge.put("failure_message", null);
        charge.put("metadata", JsonText.copy(pi.get("metadata")));
        charge.put("paid", true);
        charge.put("payment_intent", pi.get("id"));
        charge.put("payment_method", pm.get("id"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", "card");
        details.put("card", JsonText.copy(pm.get("card")));
        charge.put("payment_method_details", details);
        charge.put("receipt_url", null);
        charge.put("refunded", false);
        charge.put("refunds", list("/v1/charges/" + charge.get("id") + "/refunds", new ArrayList<>()));
        charge.put("status", status);
        return charge;
    }

    Map<String, Object> balanceTransaction(long amount, long fee, String type, String category, String source,
                                           String currency, String feeDescription) {
        Map<String, Object> txn = state.create("txn", "balance_transaction");
        txn.put("amount", amount);
        txn.put("available_on", state.now() + 2 * 86_400);
        txn.put("currency", currency);
        txn.put("description", null);
        txn.put("fee", fee);
        List<Object> details = new ArrayList<>();
        if (fee != 0) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("amount", fee);
            detail.put("currency", currency);
            detail.put("description", feeDescription);
            detail.put("type", "stripe_fee");
            details.add(detail);
        }
        txn.put("fee_details", details);
        txn.put("net", Math.subtractExact(amount, fee));
        txn.put("reporting_category", category);
        txn.put("source", source);
        txn.put("status", "available");
        txn.put("type", type);
        return txn;
    }

    /** A refund of {@code amount} (all that is left when null); {@code charge.refunded} carries the cumulative sum. */
    Map<String, Object> refund(Map<String, Object> charge, Long amount, String reason, Map<String, Object> metadata,
                               List<Map<String, Object>> events) {
        if (!"succeeded".equals(charge.get("status"))) {
            throw StripeError.invalid("Charge " + charge.get("id") + " did not succeed; nothing to refund", "charge");
        }
        long refunded = (Long) charge.get("amount_refunded");
        long left = (Long) charge.get("amount") - refunded;
        if (left == 0) {
            throw new StripeError(400, "invalid_request_error", "charge_already_refunded",
                    "Charge " + charge.get("id") + " has already been refunded.", "charge", null);
        }
        long value = amount == null ? left : amount;
        if (value <= 0) {
            throw StripeError.invalid("Refund amount must be positive", "amount");
        }
        if (value > left) {
            throw new StripeError(400, "invalid_request_error", "amount_too_large", "Refund amount ($"
                    + dollars(value) + ") is greater than unrefunded amount on charge ($" + dollars(left) + ")",
                    "amount", null);
        }
        Map<String, Object> refund = state.create("re", "refund");
        refund.put("amount", value);
        refund.put("charge", charge.get("id"));
        refund.put("currency", charge.get("currency"));
        refund.put("metadata", metadata == null ? new LinkedHashMap<>() : metadata);
        refund.put("payment_intent", charge.get("payment_intent"));
        refund.put("reason", reason);
        refund.put("status", "succeeded");
        // Stripe keeps its processing fee on a refund: the refund's balance transaction has no fee
        Map<String, Object> txn = balanceTransaction(-value, 0, "refund", "refund", (String) refund.get("id"),
                (String) charge.get("currency"), null);
        refund.put("balance_transaction", txn.get("id"));
        charge.put("amount_refunded", refunded + value);
        charge.put("refunded", refunded + value == (Long) charge.get("amount"));
        @SuppressWarnings("unchecked")
        Map<String, Object> refunds = (Map<String, Object>) charge.get("refunds");
        @SuppressWarnings("unchecked")
        List<Object> data = (List<Object>) refunds.get("data");
        data.add(0, JsonText.copy(refund));
        events.add(state.event("charge.refunded", charge));
        events.add(state.event("refund.created", refund));
        return refund;
    }

    Map<String, Object> dispute(Map<String, Object> charge, Long amount, List<Map<String, Object>> events) {
        if (!"succeeded".equals(charge.get("status"))) {
            throw StripeError.invalid("Charge " + charge.get("id") + " did not succeed; nothing to dispute", "charge");
        }
        if (Boolean.TRUE.equals(charge.get("disputed"))) {
            throw StripeError.invalid("Charge " + charge.get("id") + " is already disputed", "charge");
        }
        long value = amount == null ? (Long) charge.get("amount") : amount;
        if (value <= 0 || value > (Long) charge.get("amount")) {
            throw StripeError.invalid("Dispute amount must be 1.." + charge.get("amount"), "amount");
        }
        Map<String, Object> dispute = state.create("dp", "dispute");
        dispute.put("amount", value);
        dispute.put("charge", charge.get("id"));
        dispute.put("currency", charge.get("currency"));
        dispute.put("is_charge_refundable", false);
        dispute.put("metadata", new LinkedHashMap<>());
        dispute.put("payment_intent", charge.get("payment_intent"));
        dispute.put("reason", "fraudulent");
        dispute.put("status", "needs_response");
        Map<String, Object> txn = balanceTransaction(-value, Fees.DISPUTE_FEE_CENTS, "adjustment", "dispute",
                (String) dispute.get("id"), (String) charge.get("currency"), "Dispute fee");
        List<Object> txns = new ArrayList<>();
        txns.add(JsonText.copy(txn));
        dispute.put("balance_transactions", txns);
        charge.put("disputed", true);
        events.add(state.event("charge.dispute.created", dispute));
        return dispute;
    }

    /** Won: the disputed amount comes back (Stripe keeps the dispute fee). Lost: nothing moves. */
    Map<String, Object> closeDispute(Map<String, Object> dispute, boolean won, List<Map<String, Object>> events) {
        String status = (String) dispute.get("status");
        if ("won".equals(status) || "lost".equals(status)) {
            throw StripeError.invalid("Dispute " + dispute.get("id") + " is already closed (" + status + ")", "status");
        }
        dispute.put("status", won ? "won" : "lost");
        if (won) {
            Map<String, Object> txn = balanceTransaction((Long) dispute.get("amount"), 0, "adjustment",
                    "dispute_reversal", (String) dispute.get("id"), (String) dispute.get("currency"), null);
            @SuppressWarnings("unchecked")
            List<Object> txns = (List<Object>) dispute.get("balance_transactions");
            txns.add(JsonText.copy(txn));
        }
        events.add(state.event("charge.dispute.closed", dispute));
        return dispute;
    }

    static Map<String, Object> list(String url, List<?> data) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        list.put("has_more", false);
        list.put("url", url);
        return list;
    }

    private static String dollars(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
