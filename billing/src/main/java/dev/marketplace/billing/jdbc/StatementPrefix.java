package dev.marketplace.billing.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * SQL that runs in the same statement before a billing call: a data-modifying {@code WITH} clause of the caller's
 * (e.g. the usage records a batch of charges bills), so that both are one statement and one round trip. Its
 * parameters come first.
 *
 * @param sql    {@code WITH name AS (…) }, ending in a space, or empty
 * @param binder sets the clause's parameters from index 1 and returns the next free index
 */
public record StatementPrefix(String sql, Binder binder) {
    public static final StatementPrefix NONE = new StatementPrefix("", ps -> 1);

    @FunctionalInterface
    public interface Binder {
        int bind(PreparedStatement statement) throws SQLException;
    }
}
