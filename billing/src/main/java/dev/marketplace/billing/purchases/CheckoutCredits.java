package dev.marketplace.billing.purchases;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what a Checkout Session event does to the ledger, without I/O: a paid USD session for a developer
 * becomes one {@code purchase} journal keyed by the session id (so every event of one session credits it at
 * most once); anything else is a skip with its reason.
 */
final class CheckoutCredits {

    static final String KIND = "purchase";
    static final String KEY_PREFIX = "stripe:checkout:";
    static final String USD = "usd";
    static final String UNPAID = "unpaid";
    static final long MICROS_PER_USD_CENT = 10_000L;

    /** Positive, at most 18 digits: always fits a long, so parsing cannot fail. */
    private static final Pattern DEVELOPER_ID = Pattern.compile("[1-9][0-9]{0,17}");

    /** What to do with one event. */
    sealed interface Decision permits Credit, Skip {
    }

    /** Post this journal (a no-op if the session was credited already). */
    record Credit(JournalEntry journal, String accountCode, long amountMicros) implements Decision {
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
        if (checkout.amountTotalMinor() <= 0) {
            return new Skip(WebhookOutcome.IGNORED, "amount_total " + checkout.amountTotalMinor() + " is not positive");
        }
        long developerId = Long.parseLong(reference);
        long amountMicros = usdCentsToMicros(checkout.amountTotalMinor());
        String account = AccountCodes.developerCredit(developerId);
        return new Credit(journal(checkout, account, amountMicros), account, amountMicros);
    }

    /** Stripe's USD minor units (cents) to micro-USD, exactly; overflow throws. */
    static long usdCentsToMicros(long cents) {
        return Math.multiplyExact(cents, MICROS_PER_USD_CENT);
    }

    static String idempotencyKey(String sessionId) {
        return KEY_PREFIX + sessionId;
    }

    private static JournalEntry journal(CompletedCheckout checkout, String account, long amountMicros) {
        String memo = "Stripe Checkout " + checkout.sessionId()
                + (checkout.paymentIntentId() == null ? "" : ", payment intent " + checkout.paymentIntentId())
                + ", event " + checkout.eventId();
        return new JournalEntry(idempotencyKey(checkout.sessionId()), KIND, memo, checkout.sessionId(), List.of(
                new Posting(account, amountMicros),
                new Posting(AccountCodes.STRIPE_CLEARING, -amountMicros)));
    }
}
