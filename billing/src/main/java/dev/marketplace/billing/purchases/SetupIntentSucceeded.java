package dev.marketplace.billing.purchases;

import java.util.Map;

/** {@code setup_intent.succeeded}: a card saved for off-session use (e.g. Checkout in setup mode). */
public record SetupIntentSucceeded(String eventId, String eventType, String payloadJson, String setupIntentId,
                                   String customerId, String paymentMethodId, Map<String, String> metadata)
        implements PaymentEvent {

    public static final String TYPE = "setup_intent.succeeded";

    public SetupIntentSucceeded {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
