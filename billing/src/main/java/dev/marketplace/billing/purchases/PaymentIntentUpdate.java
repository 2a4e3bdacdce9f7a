package dev.marketplace.billing.purchases;

import java.util.Map;

/**
 * {@code payment_intent.succeeded}, {@code payment_intent.payment_failed} or
 * {@code payment_intent.requires_action}: the payment intent in Stripe's terms.
 *
 * @param metadata         the payment intent's metadata ({@code purpose}, {@code developer_id}, {@code crossing})
 * @param setupFutureUsage {@code off_session} when the card was saved for later, else {@code null}
 * @param failureMessage   the last payment error's message, if any
 */
public record PaymentIntentUpdate(String eventId, String eventType, String payloadJson, String paymentIntentId,
                                  String status, long amountReceivedMinor, String currency, String customerId,
                                  String paymentMethodId, String setupFutureUsage, Map<String, String> metadata,
                                  String failureMessage) implements PaymentEvent {

    public static final String SUCCEEDED = "payment_intent.succeeded";
    public static final String PAYMENT_FAILED = "payment_intent.payment_failed";
    public static final String REQUIRES_ACTION = "payment_intent.requires_action";

    public PaymentIntentUpdate {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
        if (paymentIntentId == null || paymentIntentId.isBlank()) {
            throw new IllegalArgumentException("payment intent event " + eventId + " has no payment intent id");
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
