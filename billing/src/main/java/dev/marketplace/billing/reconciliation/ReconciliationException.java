package dev.marketplace.billing.reconciliation;

/** A reconciliation action refused for a reason finance can act on (shown beside the action). */
public class ReconciliationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReconciliationException(String message) {
        super(message);
    }
}
