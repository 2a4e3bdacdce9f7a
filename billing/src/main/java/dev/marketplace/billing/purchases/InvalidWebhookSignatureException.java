package dev.marketplace.billing.purchases;

/** A webhook request that is not provably from the payment provider; it must have no effect. */
public class InvalidWebhookSignatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidWebhookSignatureException(String message) {
        super(message);
    }

    public InvalidWebhookSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
