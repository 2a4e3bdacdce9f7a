package dev.marketplace.billing.checkout;

/** The payment provider refused or failed a call; the message says what it answered. Nothing was recorded. */
public class PaymentProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
