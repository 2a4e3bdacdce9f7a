package dev.marketplace.stripestub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkout Sessions: created by the API (modes payment and setup), paid or set up on the Checkout page or by the
 * headless control endpoint. Completion creates what Stripe creates (customer when asked, saved card, payment
 * intent, charge, balance transaction or setup intent) and the events, ending with
 * {@code checkout.session.completed}. Runs under the state's monitor, held by the caller.
 */
final class CheckoutFlow {

    /** Outcomes of one attempt on the Checkout page. */
    enum Outcome {
        SUCCEED, DECLINE, ACTION, ACTION_SUCCEED, ACTION_FAIL;

        static Outcome fromParam(String value) {
            return switch (value == null ? "succeed" : value) {
                case "succeed" -> SUCCEED;
                case "decline" -> DECLINE;
                case "action" -> ACTION;
                case "action_succeed" -> ACTION_SUCCEED;
                case "action_fail" -> ACTION_FAIL;
                default -> throw StripeError.invalid("outcome must be succeed, decline, action, action_succeed or"
                        + " action_fail: " + value, "outcome");
            };
        }
    }

    /** What an attempt did: the session as it is now, and the card error shown to the payer, if any. */
    record Attempt(Map<String, Object> session, String error, boolean needsAction) {
    }

    static final int SESSION_TTL_SECONDS = 24 * 3600;

    private final StubState state;
    private final Charging charging;
    private final String baseUrl;

    CheckoutFlow(StubState state, Charging charging, String baseUrl) {
        this.state = state;
        this.charging = charging;
        this.baseUrl = baseUrl;
    }

    Map<String, Object> create(Params p) {
        String mode = p.required("mode");
        if (!"payment".equals(mode) && !"setup".equals(mode)) {
            throw StripeError.invalid("The stub supports mode payment and setup, not " + mode, "mode");
        }
        String successUrl = p.required("success_url");
        String customer = p.string("customer");
        if (customer != null) {
            state.get(customer, "customer", "customer");
        }
        String clientReference = p.string("client_reference_id");
        if (clientReference != null && clientReference.length() > 200) {
            throw StripeError.invalid("client_reference_id must be at most 200 characters", "client_reference_id");
        }
        List<Map<String, Object>> lineItems = "payment".equals(mode) ? lineItems(p) : List.of();
        long total = 0;
        String currency = p.string("currency");
        for (Map<String, Object> item : lineItems) {
            total = Math.addExact(total, (Long) item.get("amount_total"));
            currency = (String) item.get("currency");
        }
        if ("payment".equals(mode) && total < 50) {
            throw new StripeError(400, "invalid_request_error", "amount_too_small",
                    "The Checkout Session's total amount due must add up to at least $0.50 usd", "line_items", null);
        }
        Map<String, Object> session = state.create("cs_test", "checkout.session");
        session.put("amount_subtotal", "payment".equals(mode) ? total : null);
        session.put("amount_total", "payment".equals(mode) ? total : null);
        session.put("cancel_url", p.string("cancel_url"));
        session.put("client_reference_id", clientReference);
        session.put("currency", currency);
        session.put("customer", customer);
        session.put("customer_creation", "payment".equals(mode) ? p.string("customer_creation") : null);
        session.put("customer_details", null);
        session.put("customer_email", p.string("customer_email"));
        session.put("expires_at", state.now() + SESSION_TTL_SECONDS);
        session.put("metadata", p.map("metadata"));
        session.put("mode", mode);
        session.put("payment_intent", null);
        session.put("payment_method_types", new ArrayList<>(List.of("card")));
        session.put("payment_status", "setup".equals(mode) ? "no_payment_required" : "unpaid");
        session.put("setup_intent", null);
        session.put("status", "open");
        session.put("success_url", successUrl);
        session.put("url", baseUrl + "/checkout/" + session.get("id"));
        Map<String, Object> intentData = p.map("payment_intent_data");
        session.put("_payment_intent_data", intentData);
        session.put("_setup_intent_data", p.map("setup_intent_data"));
        session.put("_line_items", lineItems);
        if (intentData.containsKey("setup_future_usage")) {
            String usage = String.valueOf(intentData.get("setup_future_usage"));
            if (!"off_session".equals(usage) && !"on_session".equals(usage)) {
                throw StripeError.invalid("setup_future_usage must be off_session or on_session",
                        "payment_intent_data[setup_future_usage]");
            }
        }
        return session;
    }

    private static List<Map<String, Object>> lineItems(Params p) {
        List<Object> raw = p.list("line_items");
        if (raw.isEmpty()) {
            throw StripeError.missingParam("line_items");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String param = "line_items[" + i + "]";
            Map<String, Object> item = Params.mapOf(raw.get(i), param);
            if (item.containsKey("price")) {
                throw StripeError.invalid("The stub takes price_data, not stored prices", param + "[price]");
            }
            Map<String, Object> price = Params.mapOf(item.get("price_data"), param + "[price_data]");
            Long unit = Params.toLong((String) price.get("unit_amount"), param + "[price_data][unit_amount]");
            String currency = (String) price.get("currency");
            if (unit == null || currency == null) {
                throw StripeError.missingParam(param + "[price_data][" + (unit == null ? "unit_amount" : "currency")
                        + "]");
            }
            Long quantity = Params.toLong((String) item.getOrDefault("quantity", "1"), param + "[quantity]");
            if (unit < 0 || quantity == null || quantity < 1) {
                throw StripeError.invalid("unit_amount must be ≥ 0 and quantity ≥ 1", param);
            }
            Map<String, Object> product = Params.mapOf(price.get("product_data"), param + "[price_data][product_data]");
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", "li_" + i);
            line.put("object", "item");
            line.put("amount_subtotal", Math.multiplyExact(unit, quantity));
            line.put("amount_total", Math.multiplyExact(unit, quantity));
            line.put("currency", currency.toLowerCase(java.util.Locale.ROOT));
            line.put("description", product.getOrDefault("name", "Item"));
            line.put("quantity", quantity);
            line.put("unit_amount", unit);
            items.add(line);
        }
        return items;
    }

    /** One attempt to pay (payment mode) or to save {@code card} (setup mode). */
    Attempt attempt(Map<String, Object> session, Outcome outcome, TestCard card, List<Map<String, Object>> events) {
        if (!"open".equals(session.get("status"))) {
            throw StripeError.invalid("Checkout Session " + session.get("id") + " is " + session.get("status"), null);
        }
        if ("setup".equals(session.get("mode"))) {
            return setup(session, card, events);
        }
        Map<String, Object> pi = paymentIntent(session);
        String customer = customerFor(session, events);
        if (customer != null) {
            pi.put("customer", customer);
        }
        boolean save = pi.get("setup_future_usage") != null;
        Map<String, Object> pm = charging.createCard(card, save ? customer : null, events);
        StripeError error = switch (outcome) {
            case SUCCEED -> charging.confirm(pi, pm, TestCard.SUCCEED, events);
            case DECLINE -> charging.confirm(pi, pm, TestCard.DECLINE, events);
            case ACTION -> charging.confirm(pi, pm, TestCard.ACTION, events);
            case ACTION_SUCCEED, ACTION_FAIL -> {
                charging.confirm(pi, pm, TestCard.ACTION, events);
                yield charging.authenticate(pi, pm, outcome == Outcome.ACTION_SUCCEED, events);
            }
        };
        if ("succeeded".equals(pi.get("status"))) {
            complete(session, customer, events);
        }
        return new Attempt(session, error == null ? null : error.getMessage(),
                "requires_action".equals(pi.get("status")));
    }

    /** The second step on the page after "Needs action". */
    Attempt authenticate(Map<String, Object> session, boolean passed, List<Map<String, Object>> events) {
        Map<String, Object> pi = session.get("payment_intent") == null ? null
                : state.get((String) session.get("payment_intent"), "payment_intent", "payment_intent");
        if (pi == null || !"requires_action".equals(pi.get("status"))) {
            throw StripeError.invalid("Checkout Session " + session.get("id") + " awaits no authentication", null);
        }
        Map<String, Object> pm = state.get((String) pi.get("payment_method"), "payment_method", "payment_method");
        StripeError error = charging.authenticate(pi, pm, passed, events);
        if ("succeeded".equals(pi.get("status"))) {
            complete(session, (String) pi.get("customer"), events);
        }
        return new Attempt(session, error == null ? null : error.getMessage(), false);
    }

    private Map<String, Object> paymentIntent(Map<String, Object> session) {
        String existing = (String) session.get("payment_intent");
        if (existing != null) {
            return state.get(existing, "payment_intent", "payment_intent");
        }
        Map<String, Object> data = Params.mapOf(session.get("_payment_intent_data"), "payment_intent_data");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) session.get("_line_items");
        String description = data.get("description") != null ? (String) data.get("description")
                : items.size() == 1 ? (String) items.get(0).get("description") : null;
        Map<String, Object> pi = charging.newPaymentIntent((Long) session.get("amount_total"),
                (String) session.get("currency"), (String) session.get("customer"), description,
                Params.mapOf(data.get("metadata"), "payment_intent_data[metadata]"),
                (String) data.get("setup_future_usage"));
        session.put("payment_intent", pi.get("id"));
        return pi;
    }

    /** The session's customer, created now when Checkout would create one (asked for, or a card is saved). */
    private String customerFor(Map<String, Object> session, List<Map<String, Object>> events) {
        if (session.get("customer") != null) {
            return (String) session.get("customer");
        }
        Map<String, Object> data = Params.mapOf(session.get("_payment_intent_data"), "payment_intent_data");
        boolean wanted = "setup".equals(session.get("mode")) || "always".equals(session.get("customer_creation"))
                || data.get("setup_future_usage") != null;
        if (!wanted) {
            return null;
        }
        Map<String, Object> customer = charging.createCustomer(email(session), null, new LinkedHashMap<>(), events);
        session.put("customer", customer.get("id"));
        return (String) customer.get("id");
    }

    private Attempt setup(Map<String, Object> session, TestCard card, List<Map<String, Object>> events) {
        String customer = customerFor(session, events);
        Map<String, Object> pm = charging.createCard(card, customer, events);
        Map<String, Object> seti = state.create("seti", "setup_intent");
        seti.put("client_secret", seti.get("id") + "_secret_stub");
        seti.put("customer", customer);
        seti.put("metadata", Params.mapOf(Params.mapOf(session.get("_setup_intent_data"), "setup_intent_data")
                .get("metadata"), "setup_intent_data[metadata]"));
        seti.put("payment_method", pm.get("id"));
        seti.put("payment_method_types", new ArrayList<>(List.of("card")));
        seti.put("status", "succeeded");
        seti.put("usage", "off_session");
        session.put("setup_intent", seti.get("id"));
        events.add(state.event("setup_intent.succeeded", seti));
        complete(session, customer, events);
        return new Attempt(session, null, false);
    }

    private void complete(Map<String, Object> session, String customer, List<Map<String, Object>> events) {
        session.put("status", "complete");
        session.put("customer", customer);
        if ("payment".equals(session.get("mode"))) {
            session.put("payment_status", "paid");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", email(session));
        details.put("name", null);
        session.put("customer_details", details);
        events.add(state.event("checkout.session.completed", visible(session)));
    }

    private String email(Map<String, Object> session) {
        if (session.get("customer_email") != null) {
            return (String) session.get("customer_email");
        }
        if (session.get("customer") != null) {
            return (String) state.get((String) session.get("customer"), "customer", "customer").get("email");
        }
        return "payer@example.com";
    }

    /** The session as the API shows it: without the stub's own bookkeeping fields (those start with _). */
    static Map<String, Object> visible(Map<String, Object> session) {
        Map<String, Object> copy = JsonText.copy(session);
        copy.keySet().removeIf(k -> k.startsWith("_"));
        return copy;
    }
}
