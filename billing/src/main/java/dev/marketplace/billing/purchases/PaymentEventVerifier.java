package dev.marketplace.billing.purchases;

/**
 * Port to the payment provider's webhook signatures: turns a raw request body and its signature header into
 * a {@link PaymentEvent}, or refuses it. Implemented in billing.infrastructure.stripe.
 */
public interface PaymentEventVerifier {

    /**
     * @param payload         the request body exactly as received (the signature covers these bytes)
     * @param signatureHeader the {@code Stripe-Signature} header, or {@code null} if absent
     * @throws InvalidWebhookSignatureException if the header is missing or malformed, the signature does not
     *                                          match, or its timestamp is outside the tolerance
     */
    PaymentEvent verify(byte[] payload, String signatureHeader);
}
