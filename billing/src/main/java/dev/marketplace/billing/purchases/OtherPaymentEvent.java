package dev.marketplace.billing.purchases;

/** A verified event of a type billing has no handler for yet: recorded as unhandled, nothing else. */
public record OtherPaymentEvent(String eventId, String eventType, String payloadJson) implements PaymentEvent {

    public OtherPaymentEvent {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
    }
}
