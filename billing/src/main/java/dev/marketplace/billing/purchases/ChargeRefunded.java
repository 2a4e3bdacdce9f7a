package dev.marketplace.billing.purchases;

/**
 * {@code charge.refunded}: Stripe's charge after a (partial) refund.
 *
 * @param amountRefundedMinor the CUMULATIVE refunded amount of the charge, in the currency's minor units
 * @param paymentIntentId     the charge's payment intent, or {@code null} if it has none
 */
public record ChargeRefunded(String eventId, String eventType, String payloadJson, String chargeId,
                             String paymentIntentId, long amountRefundedMinor, String currency)
        implements PaymentEvent {

    public static final String TYPE = "charge.refunded";

    public ChargeRefunded {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
        if (chargeId == null || chargeId.isBlank()) {
            throw new IllegalArgumentException("charge.refunded event " + eventId + " has no charge id");
        }
    }
}
