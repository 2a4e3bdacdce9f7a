package dev.marketplace.onboarding.payouts.application;

/** A payout account request that cannot be done, with a message for the provider. */
public class PayoutAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayoutAccountException(String message) {
        super(message);
    }

    public PayoutAccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
