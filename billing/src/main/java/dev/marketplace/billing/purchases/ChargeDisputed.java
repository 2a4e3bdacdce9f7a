package dev.marketplace.billing.purchases;

/**
 * {@code charge.dispute.created} or {@code charge.dispute.closed}: the dispute object in Stripe's terms.
 *
 * @param amountMinor the disputed amount in the currency's minor units
 * @param feeMinor    Stripe's dispute fee as the event's balance transactions show it (0 if none)
 * @param status      Stripe's dispute status ({@code needs_response}, {@code won}, {@code lost}, ...)
 */
public record ChargeDisputed(String eventId, String eventType, String payloadJson, String disputeId,
                             String chargeId, String paymentIntentId, long amountMinor, long feeMinor,
                             String currency, String status) implements PaymentEvent {

    public static final String CREATED = "charge.dispute.created";
    public static final String CLOSED = "charge.dispute.closed";

    public ChargeDisputed {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
        if (!CREATED.equals(eventType) && !CLOSED.equals(eventType)) {
            throw new IllegalArgumentException("not a dispute created/closed event: " + eventType);
        }
        if (disputeId == null || disputeId.isBlank()) {
            throw new IllegalArgumentException("dispute event " + eventId + " has no dispute id");
        }
    }
}
