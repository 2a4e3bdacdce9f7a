package dev.marketplace.billing.purchases;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what a Checkout Session does to the ledger, without I/O: a paid USD session for a developer becomes one
 * {@code purchase} journal keyed by the session id (so every event of one session, and the success redirect,
 * credit it at most once); anything else is a skip with its reason. With a purchase fee the developer is credited
 * the amount bought ({@code metadata.credit_cents}), only if it and {@code metadata.fee_cents} add up to what
 * Stripe collected ({@code amount_total}); the fee goes to platform revenue.
 */
final class CheckoutCredits {

    static final String KIND = "purchase";
    static final String KEY_PREFIX = "stripe:checkout:";
    static final String USD = "usd";
    static final String UNPAID = "unpaid";
    static final long MICROS_PER_USD_CENT = 10_000L;

    /** Positive, at most 18 digits: always fits a long, so parsing cannot fail. */
    private static final Pattern DEVELOPER_ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** Non-negative cents, at most 15 digits (far above any Checkout total). */
    private static final Pattern CENTS = Pattern.compile("0|[1-9][0-9]{0,14}");

    /** What to do with one event. */
    sealed interface Decision permits Credit, Skip {
    }

    /** Post this journal (a no-op if the session was credited already) and mark the purchase paid. */
    record Credit(JournalEntry journal, String accountCode, long amountMicros, PaidPurchase purchase)
            implements Decision {
    }

    /** Record the outcome with its reason; no money moves. */
    record Skip(WebhookOutcome outcome, String note) implements Decision {
    }

    private CheckoutCredits() {
    }

    static Decision decide(CompletedCheckout checkout) {
        if (!checkout.isPaid()) {
            return UNPAID.equals(checkout.paymentStatus())
                    ? new Skip(WebhookOutcome.AWAITING_PAYMENT, "payment_status unpaid: waiting for "
                            + CompletedCheckout.ASYNC_PAYMENT_SUCCEEDED)
                    : new Skip(WebhookOutcome.IGNORED, "payment_status " + checkout.paymentStatus() + " is not paid");
        }
        String currency = checkout.currency() == null ? null : checkout.currency().toLowerCase(Locale.ROOT);
        if (!USD.equals(currency)) {
            return new Skip(WebhookOutcome.IGNORED, "currency " + checkout.currency() + " is not usd");
        }
        String reference = checkout.clientReferenceId();
        if (reference == null || !DEVELOPER_ID.matcher(reference).matches()) {
            return new Skip(WebhookOutcome.IGNORED, "client_reference_id " + reference + " is not a developer id");
        }
        long total = checkout.amountTotalMinor();
        if (total <= 0) {
            return new Skip(WebhookOutcome.IGNORED, "amount_total " + total + " is not positive");
        }
        long creditCents = total;
        long feeCents = 0;
        if (checkout.metadataCreditCents() != null || checkout.metadataFeeCents() != null) {
            String credit = checkout.metadataCreditCents();
            String fee = checkout.metadataFeeCents() == null ? "0" : checkout.metadataFeeCents();
            if (credit == null || !CENTS.matcher(credit).matches() || !CENTS.matcher(fee).matches()) {
                return new Skip(WebhookOutcome.IGNORED, "metadata credit_cents " + credit + " / fee_cents " + fee
                        + " are not amounts in cents");
            }
            creditCents = Long.parseLong(credit);
            feeCents = Long.parseLong(fee);
            if (creditCents <= 0 || creditCents + feeCents != total) {
                return new Skip(WebhookOutcome.IGNORED, "metadata credit_cents " + creditCents + " + fee_cents "
                        + feeCents + " does not match amount_total " + total);
            }
        }
        long developerId = Long.parseLong(reference);
        String account = AccountCodes.developerCredit(developerId);
        long creditMicros = usdCentsToMicros(creditCents);
        PaidPurchase purchase = new PaidPurchase(checkout.sessionId(), developerId, creditCents, feeCents,
                checkout.paymentIntentId());
        return new Credit(journal(checkout, account, creditMicros, usdCentsToMicros(feeCents)), account,
                creditMicros, purchase);
    }

    /** Stripe's USD minor units (cents) to micro-USD, exactly; overflow throws. */
    static long usdCentsToMicros(long cents) {
        return Math.multiplyExact(cents, MICROS_PER_USD_CENT);
    }

    static String idempotencyKey(String sessionId) {
        return KEY_PREFIX + sessionId;
    }

    private static JournalEntry journal(CompletedCheckout checkout, String account, long creditMicros,
                                        long feeMicros) {
        String source = checkout.eventId().startsWith(CompletedCheckout.REDIRECT_PREFIX)
                ? "success redirect" : "event " + checkout.eventId();
        String memo = "Stripe Checkout " + checkout.sessionId()
                + (checkout.paymentIntentId() == null ? "" : ", payment intent " + checkout.paymentIntentId())
                + ", " + source + (feeMicros == 0 ? "" : ", purchase fee " + feeMicros + " micros");
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(account, creditMicros));
        if (feeMicros > 0) {
            postings.add(new Posting(AccountCodes.REVENUE_PURCHASE_FEE, feeMicros));
        }
        postings.add(new Posting(AccountCodes.STRIPE_CLEARING, -Math.addExact(creditMicros, feeMicros)));
        return new JournalEntry(idempotencyKey(checkout.sessionId()), KIND, memo, checkout.sessionId(), postings);
    }
}
