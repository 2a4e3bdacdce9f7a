package dev.marketplace.billing.checkout;

/**
 * The provider no longer knows a customer billing recorded (e.g. the local Stripe stub restarted and forgot it, or
 * the customer was deleted in Stripe's dashboard): billing makes a new one.
 */
public class UnknownCustomerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownCustomerException(String customerId, Throwable cause) {
        super("The payment provider does not know customer " + customerId, cause);
    }
}
