package dev.marketplace.billing.settlements;

/** The statement is not in the state the action needs (e.g. approving a draft, paying an unapproved one). */
public class StatementStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StatementStateException(String message) {
        super(message);
    }
}
