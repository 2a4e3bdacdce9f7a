package dev.marketplace.billing.approvals;

/** A finance request that cannot be made or decided as asked (the message says why, for the form). */
public class FinanceRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FinanceRequestException(String message) {
        super(message);
    }
}
