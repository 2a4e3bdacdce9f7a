package dev.marketplace.billing.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.credits.CreditGrants;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.ledger.InvariantReport;
import dev.marketplace.billing.ledger.LedgerQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Small helpers for database tests: grant credit, read balances and holds, count rows. */
public final class Fixtures {

    private static final LedgerQueries QUERIES = new LedgerQueries();

    private Fixtures() {
    }

    /** Grants credit through the same journal the CreditGrants bean posts, in its own transaction. */
    public static void grant(DataSource dataSource, long developerId, long amountMicros, String key)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new dev.marketplace.billing.ledger.LedgerWriter()
                    .post(c, CreditGrants.journal(developerId, amountMicros, key, "test grant"));
            c.commit();
        }
    }

    public static long balance(DataSource dataSource, String accountCode) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long cached = QUERIES.balanceMicros(c, accountCode);
            long derived = QUERIES.derivedBalanceMicros(c, accountCode);
            if (cached != derived) {
                throw new AssertionError(accountCode + ": cached " + cached + " != derived " + derived);
            }
            return cached;
        }
    }

    public static long available(DataSource dataSource, String accountCode) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return QUERIES.availableMicros(c, accountCode);
        }
    }

    public static long held(DataSource dataSource, String accountCode) throws SQLException {
        return count(dataSource, "SELECT held_micros FROM account_balance WHERE account_code = ?", accountCode);
    }

    public static String holdStatus(DataSource dataSource, String holdId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status FROM ledger_hold WHERE id = ?")) {
            s.setString(1, holdId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Runs a query returning one long, with string parameters. */
    public static long count(DataSource dataSource, String sql, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return rows.getLong(1);
            }
        }
    }

    /** Places a hold in auto-commit; it must be granted. */
    public static void placeHold(DataSource dataSource, String holdId, String accountCode, long amountMicros)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertTrue(new HoldStore().place(c, holdId, accountCode, amountMicros), "hold " + holdId + " granted");
        }
    }

    /** How many postings the journal with this idempotency key has. */
    public static long postingCount(DataSource dataSource, String idempotencyKey) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id"
                + " WHERE j.idempotency_key = ?", idempotencyKey);
    }

    /** No unbalanced journal, every cached balance and held amount equal to its rows, Σ postings = 0. */
    public static void assertInvariantsOk(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            InvariantReport report = QUERIES.check(c);
            assertTrue(report.ok(), report.toString());
        }
    }
}
