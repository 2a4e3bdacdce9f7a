package dev.marketplace.billing.testing;

import dev.marketplace.billing.purchases.ChargeDisputed;
import dev.marketplace.billing.purchases.ChargeRefunded;
import dev.marketplace.billing.purchases.CompletedCheckout;
import dev.marketplace.billing.purchases.PaymentIntentUpdate;
import java.util.Map;

/** Verified payment events as billing receives them, with a placeholder payload (the JSON is only kept). */
public final class PaymentEventFactory {

    private PaymentEventFactory() {
    }

    public static CompletedCheckout paidCheckout(String eventId, String sessionId, long developerId, long cents,
                                                 String paymentIntentId) {
        return new CompletedCheckout(eventId, CompletedCheckout.COMPLETED, payload(eventId), sessionId,
                Long.toString(developerId), cents, "usd", "paid", paymentIntentId, null, null);
    }

    public static ChargeRefunded refunded(String eventId, String chargeId, String paymentIntentId,
                                          long cumulativeCents) {
        return new ChargeRefunded(eventId, ChargeRefunded.TYPE, payload(eventId), chargeId, paymentIntentId,
                cumulativeCents, "usd");
    }

    public static ChargeDisputed disputeCreated(String eventId, String disputeId, String paymentIntentId,
                                                long cents) {
        return new ChargeDisputed(eventId, ChargeDisputed.CREATED, payload(eventId), disputeId, "ch_" + disputeId,
                paymentIntentId, cents, 0, "usd", "needs_response");
    }

    public static ChargeDisputed disputeClosed(String eventId, String disputeId, String paymentIntentId, long cents,
                                               long feeCents, String status) {
        return new ChargeDisputed(eventId, ChargeDisputed.CLOSED, payload(eventId), disputeId, "ch_" + disputeId,
                paymentIntentId, cents, feeCents, "usd", status);
    }

    /** A payment intent event of an auto top-up for this developer and crossing. */
    public static PaymentIntentUpdate topUpIntent(String eventId, String type, String paymentIntentId,
                                                  long developerId, long crossing, long amountReceivedCents) {
        return new PaymentIntentUpdate(eventId, type, payload(eventId), paymentIntentId,
                PaymentIntentUpdate.SUCCEEDED.equals(type) ? "succeeded" : "requires_payment_method",
                amountReceivedCents, "usd", "cus_" + developerId, "pm_" + developerId, null,
                Map.of("purpose", "auto_top_up", "developer_id", Long.toString(developerId),
                        "crossing", Long.toString(crossing)),
                PaymentIntentUpdate.PAYMENT_FAILED.equals(type) ? "Your card has insufficient funds." : null);
    }

    public static String payload(String eventId) {
        return "{\"id\":\"" + eventId + "\"}";
    }
}
