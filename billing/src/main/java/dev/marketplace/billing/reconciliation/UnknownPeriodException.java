package dev.marketplace.billing.reconciliation;

/** No reconciliation period with this id. */
public class UnknownPeriodException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownPeriodException(long id) {
        super("no reconciliation period " + id);
    }
}
