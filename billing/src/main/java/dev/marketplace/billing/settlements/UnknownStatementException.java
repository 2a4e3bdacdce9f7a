package dev.marketplace.billing.settlements;

/** No statement has this id. */
public class UnknownStatementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownStatementException(long id) {
        super("no settlement statement " + id);
    }
}
