package dev.marketplace.billing.purchases;

/** Checks shared by the {@link PaymentEvent} records. */
final class PaymentEvents {

    static final int MAX_ID_LENGTH = 255;

    private PaymentEvents() {
    }

    static void requireEnvelope(String eventId, String eventType, String payloadJson) {
        requireText("event id", eventId);
        requireText("event type", eventType);
        if (payloadJson == null || payloadJson.isBlank()) {
            throw new IllegalArgumentException("event " + eventId + " has no payload");
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + " must be 1.." + MAX_ID_LENGTH + " non-blank characters: "
                    + value);
        }
    }
}
