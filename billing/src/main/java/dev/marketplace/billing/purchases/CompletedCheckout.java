package dev.marketplace.billing.purchases;

/**
 * A paid-or-not Checkout Session in Stripe's own terms, before billing judges it: the developer is still the raw
 * {@code client_reference_id} and the amounts are still text or minor units, so that an unusable value is
 * recorded as "ignored" instead of being lost in translation. It comes from a webhook event
 * ({@code checkout.session.completed} or {@code checkout.session.async_payment_succeeded}) or from the success
 * redirect, which retrieves the session ({@link #fromRedirect}); both credit through the same idempotency key.
 *
 * @param amountTotalMinor    Stripe's {@code amount_total} (cents for USD); 0 when Stripe sent none
 * @param clientReferenceId   the developer's numeric id as text, or {@code null}
 * @param paymentIntentId     the session's payment intent id, or {@code null}
 * @param metadataCreditCents the session's {@code metadata.credit_cents}: the credit bought, without the purchase
 *                            fee; {@code null} for sessions not started by billing (then the total is the credit)
 * @param metadataFeeCents    the session's {@code metadata.fee_cents}, or {@code null}
 */
public record CompletedCheckout(String eventId, String eventType, String payloadJson, String sessionId,
                                String clientReferenceId, long amountTotalMinor, String currency,
                                String paymentStatus, String paymentIntentId, String metadataCreditCents,
                                String metadataFeeCents) implements PaymentEvent {

    public static final String COMPLETED = "checkout.session.completed";
    public static final String ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";
    public static final String PAID = "paid";
    /** The metadata keys billing writes on the sessions it starts. */
    public static final String CREDIT_CENTS = "credit_cents";
    public static final String FEE_CENTS = "fee_cents";
    /** Stands in for the event id when the success redirect, not a webhook, reports the session. */
    public static final String REDIRECT_PREFIX = "redirect:";

    public CompletedCheckout {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
        if (!COMPLETED.equals(eventType) && !ASYNC_PAYMENT_SUCCEEDED.equals(eventType)) {
            throw new IllegalArgumentException("not a Checkout Session event: " + eventType);
        }
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("Checkout Session event " + eventId + " has no session id");
        }
    }

    /** A session without billing's metadata (started elsewhere): its whole total is credit. */
    public CompletedCheckout(String eventId, String eventType, String payloadJson, String sessionId,
                             String clientReferenceId, long amountTotalMinor, String currency,
                             String paymentStatus, String paymentIntentId) {
        this(eventId, eventType, payloadJson, sessionId, clientReferenceId, amountTotalMinor, currency,
                paymentStatus, paymentIntentId, null, null);
    }

    /** The session as the success redirect retrieved it from Stripe. */
    public static CompletedCheckout fromRedirect(String sessionJson, String sessionId, String clientReferenceId,
                                                 long amountTotalMinor, String currency, String paymentStatus,
                                                 String paymentIntentId, String metadataCreditCents,
                                                 String metadataFeeCents) {
        return new CompletedCheckout(REDIRECT_PREFIX + sessionId, COMPLETED, sessionJson, sessionId,
                clientReferenceId, amountTotalMinor, currency, paymentStatus, paymentIntentId, metadataCreditCents,
                metadataFeeCents);
    }

    /** Paid now: a completed session with {@code payment_status=paid}, or an async payment that succeeded. */
    public boolean isPaid() {
        return ASYNC_PAYMENT_SUCCEEDED.equals(eventType) || PAID.equals(paymentStatus);
    }
}
