package dev.marketplace.billing.topup;

import dev.marketplace.billing.crediting.PaymentCrediting;
import dev.marketplace.billing.payments.CreditedPayment;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the payment provider says about an auto top-up, applied on the caller's connection and transaction: by
 * the webhook ({@code payment_intent.succeeded}, {@code payment_intent.payment_failed},
 * {@code payment_intent.requires_action}) and by the checker with the charge's synchronous answer alike.
 */
public final class TopUpEvents {

    private final AutoTopUpStore store = new AutoTopUpStore();
    private final PaymentCrediting crediting = new PaymentCrediting();
    private final SavedPaymentMethods cards = new SavedPaymentMethods();

    /** @return whether the credit journal was posted now, and what waiting refunds or disputes did */
    public PaymentCrediting.Credited succeeded(Connection connection, String paymentIntentId, long developerId,
                                               long crossing, long amountReceivedCents, String via)
            throws SQLException {
        CreditedPayment payment = TopUpCredits.payment(paymentIntentId, developerId, amountReceivedCents);
        PaymentCrediting.Credited credited = crediting.credit(connection, payment,
                TopUpCredits.journal(payment, via));
        store.markCharged(connection, developerId, crossing, paymentIntentId);
        return credited;
    }

    /** @return {@code true} if auto top-up was turned off now (false: a late or repeated report) */
    public boolean failed(Connection connection, String paymentIntentId, long developerId, long crossing,
                          String failure) throws SQLException {
        return store.markFailed(connection, developerId, crossing, paymentIntentId, failure);
    }

    /** A card the developer saved for off-session use (Checkout with setup_future_usage, or in setup mode). */
    public void cardSaved(Connection connection, long developerId, SavedPaymentMethods.SavedCard card)
            throws SQLException {
        cards.save(connection, developerId, card);
    }
}
