package dev.marketplace.billing.checkout;

/** A purchase that cannot be started as asked (amount format or limits); the message is for the developer. */
public class InvalidPurchaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidPurchaseException(String message) {
        super(message);
    }
}
