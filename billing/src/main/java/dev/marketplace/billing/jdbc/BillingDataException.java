package dev.marketplace.billing.jdbc;

import java.sql.SQLException;

/** A database call of the billing module failed; the cause is the original {@link SQLException}. */
public class BillingDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BillingDataException(String message, SQLException cause) {
        super(message, cause);
    }
}
