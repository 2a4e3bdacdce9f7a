package dev.marketplace.billing.topup;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.payments.CreditedPayment;
import dev.marketplace.billing.payments.PaymentSource;
import dev.marketplace.billing.payments.UsdCents;
import java.util.List;

/**
 * The journal of a succeeded auto top-up, without I/O: developer credit +amount, {@code platform:stripe:clearing}
 * −amount, keyed by the payment intent id so the synchronous answer and the webhook credit it once together.
 */
public final class TopUpCredits {

    public static final String KIND = "auto_top_up";
    static final String KEY_PREFIX = "stripe:payment_intent:";

    private TopUpCredits() {
    }

    public static String idempotencyKey(String paymentIntentId) {
        return KEY_PREFIX + paymentIntentId;
    }

    static CreditedPayment payment(String paymentIntentId, long developerId, long amountCents) {
        return new CreditedPayment(paymentIntentId, developerId, UsdCents.toMicros(amountCents), 0,
                PaymentSource.AUTO_TOP_UP, idempotencyKey(paymentIntentId));
    }

    static JournalEntry journal(CreditedPayment payment, String via) {
        String account = AccountCodes.developerCredit(payment.developerId());
        return new JournalEntry(payment.journalKey(), KIND, "Auto top-up, payment intent "
                + payment.paymentIntentId() + " (" + via + ")", payment.paymentIntentId(), List.of(
                        new Posting(account, payment.creditedMicros()),
                        new Posting(AccountCodes.STRIPE_CLEARING, -payment.creditedMicros())));
    }
}
