package dev.marketplace.billing.purchases;

import dev.marketplace.billing.ledger.LedgerWriter;
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
    private final PurchaseBook book = new PurchaseBook();

    public Result apply(Connection connection, CompletedCheckout checkout) throws SQLException {
        CheckoutCredits.Decision decision = CheckoutCredits.decide(checkout);
        if (decision instanceof CheckoutCredits.Skip skip) {
            return new Result(skip.outcome(), skip.note(), 0);
        }
        return post(connection, (CheckoutCredits.Credit) decision);
    }

    Result post(Connection connection, CheckoutCredits.Credit credit) throws SQLException {
        boolean posted = writer.post(connection, credit.journal());
        if (posted) {
            book.markPaid(connection, credit.purchase());
        }
        return new Result(posted ? WebhookOutcome.CREDITED : WebhookOutcome.ALREADY_CREDITED,
                credit.journal().idempotencyKey() + ": " + credit.amountMicros() + " micros to "
                        + credit.accountCode(), credit.amountMicros());
    }
}
