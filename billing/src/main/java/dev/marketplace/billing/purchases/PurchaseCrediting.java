package dev.marketplace.billing.purchases;

import dev.marketplace.billing.crediting.PaymentCrediting;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.payments.CreditedPayment;
import dev.marketplace.billing.payments.PaymentSource;
import dev.marketplace.billing.payments.UsdCents;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies a Checkout Session to the ledger inside the caller's transaction: the webhook and the success redirect
 * both come here, so whichever is first credits the session and the other finds its journal key taken.
 */
public final class PurchaseCrediting {

    /** What crediting did, with the reason. */
    public record Result(WebhookOutcome outcome, String note, long creditMicros) {
    }

    private final LedgerWriter writer = new LedgerWriter();
    private final PaymentCrediting payments = new PaymentCrediting();
    private final PurchaseBook book = new PurchaseBook();

    public Result apply(Connection connection, CompletedCheckout checkout) throws SQLException {
        CheckoutCredits.Decision decision = CheckoutCredits.decide(checkout);
        if (decision instanceof CheckoutCredits.Skip skip) {
            return new Result(skip.outcome(), skip.note(), 0);
        }
        return post(connection, (CheckoutCredits.Credit) decision);
    }

    Result post(Connection connection, CheckoutCredits.Credit credit) throws SQLException {
        PaidPurchase purchase = credit.purchase();
        boolean posted;
        String followUp = "";
        if (purchase.paymentIntentId() == null || purchase.paymentIntentId().isBlank()) {
            posted = writer.post(connection, credit.journal());
        } else {
            // records whose payment it is and applies the refunds and disputes that arrived before it
            PaymentCrediting.Credited credited = payments.credit(connection, new CreditedPayment(
                    purchase.paymentIntentId(), purchase.developerId(), credit.amountMicros(),
                    UsdCents.toMicros(purchase.feeCents()), PaymentSource.CHECKOUT,
                    credit.journal().idempotencyKey()), credit.journal());
            posted = credited.posted();
            followUp = credited.followUp();
        }
        if (posted) {
            book.markPaid(connection, purchase);
        }
        return new Result(posted ? WebhookOutcome.CREDITED : WebhookOutcome.ALREADY_CREDITED,
                credit.journal().idempotencyKey() + ": " + credit.amountMicros() + " micros to "
                        + credit.accountCode() + followUp, credit.amountMicros());
    }
}
