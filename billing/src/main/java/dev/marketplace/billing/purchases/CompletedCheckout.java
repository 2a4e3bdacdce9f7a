package dev.marketplace.billing.purchases;

/**
 * A Checkout Session event ({@code checkout.session.completed} or {@code
 * checkout.session.async_payment_succeeded}) in Stripe's own terms, before billing judges it: the developer
 * is still the raw {@code client_reference_id} and the amount is still in the currency's minor units, so
 * that an unusable value is recorded as "ignored" instead of being lost in translation.
 *
 * @param amountTotalMinor Stripe's {@code amount_total} (cents for USD); 0 when Stripe sent none
 * @param clientReferenceId the developer's numeric id as text, or {@code null}
 * @param paymentIntentId   the session's payment intent id, or {@code null}
 */
public record CompletedCheckout(String eventId, String eventType, String payloadJson, String sessionId,
                                String clientReferenceId, long amountTotalMinor, String currency,
                                String paymentStatus, String paymentIntentId) implements PaymentEvent {

    public static final String COMPLETED = "checkout.session.completed";
    public static final String ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";
    public static final String PAID = "paid";

    public CompletedCheckout {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
        if (!COMPLETED.equals(eventType) && !ASYNC_PAYMENT_SUCCEEDED.equals(eventType)) {
            throw new IllegalArgumentException("not a Checkout Session event: " + eventType);
        }
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("Checkout Session event " + eventId + " has no session id");
        }
    }

    /** Paid now: a completed session with {@code payment_status=paid}, or an async payment that succeeded. */
    public boolean isPaid() {
        return ASYNC_PAYMENT_SUCCEEDED.equals(eventType) || PAID.equals(paymentStatus);
    }
}
