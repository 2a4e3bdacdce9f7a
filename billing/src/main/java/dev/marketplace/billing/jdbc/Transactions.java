package dev.marketplace.billing.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one short local transaction on a non-JTA DataSource: commit on success, roll back on
 * any failure and rethrow. SQL failures leave as {@link BillingDataException}.
 */
public final class Transactions {

    /** Work on a connection the caller lends for the duration of one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (Throwable failure) {
                rollback(connection, autoCommit, failure);
                throw failure;
            }
            connection.setAutoCommit(autoCommit);
            return result;
        } catch (SQLException e) {
            throw new BillingDataException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Read-only work in one REPEATABLE READ snapshot, so several queries see the same state. */
    public static <T> T inSnapshot(DataSource dataSource, String what, Work<T> work) {
        return inTransaction(dataSource, what, connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return work.run(connection);
        });
    }

    /** Work outside an explicit transaction (single statements in auto-commit). */
    public static <T> T withConnection(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new BillingDataException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, boolean autoCommit, Throwable failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
