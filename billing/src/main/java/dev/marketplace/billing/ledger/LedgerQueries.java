package dev.marketplace.billing.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads balances and checks the ledger's invariants on the caller's connection. */
public final class LedgerQueries {

    private static final String CACHED_BALANCE =
            "SELECT balance_micros, held_micros FROM account_balance WHERE account_code = ?";
    private static final String DERIVED_BALANCE =
            "SELECT COALESCE(sum(amount_micros), 0)::bigint FROM ledger_posting WHERE account_code = ?";
    private static final String JOURNAL_COUNT = "SELECT count(*) FROM ledger_journal";
    private static final String UNBALANCED_JOURNALS = """
            SELECT count(*) FROM (
                SELECT j.id
                  FROM ledger_journal j LEFT JOIN ledger_posting p ON p.journal_id = j.id
                 GROUP BY j.id
                HAVING count(p.id) < 2 OR COALESCE(sum(p.amount_micros), 0) <> 0) unbalanced""";
    private static final String MISMATCHED_BALANCES = """
            SELECT count(*) FROM (
                SELECT COALESCE(b.balance_micros, 0) AS cached_micros,
                       COALESCE(b.held_micros, 0) AS held_micros,
                       (SELECT COALESCE(sum(p.amount_micros), 0) FROM ledger_posting p
                         WHERE p.account_code = a.code) AS derived_micros,
                       (SELECT COALESCE(sum(h.amount_micros), 0) FROM ledger_hold h
                         WHERE h.account_code = a.code AND h.status = 'open')
                       + (SELECT COALESCE(sum(l.held_micros), 0) FROM balance_lease l
                         WHERE l.account_code = a.code AND l.status = 'open') AS open_held_micros
                  FROM ledger_account a LEFT JOIN account_balance b ON b.account_code = a.code) balances
             WHERE cached_micros <> derived_micros OR held_micros <> open_held_micros""";
    private static final String POSTINGS_SUM =
            "SELECT COALESCE(sum(amount_micros), 0)::bigint FROM ledger_posting";

    /** Cached balance of the account; 0 if it has never been posted to. */
    public long balanceMicros(Connection connection, String accountCode) throws SQLException {
        return cachedBalance(connection, accountCode)[0];
    }

    /** Cached balance minus open holds and open leases: what can still be reserved or spent. */
    public long availableMicros(Connection connection, String accountCode) throws SQLException {
        long[] balanceAndHeld = cachedBalance(connection, accountCode);
        return Math.subtractExact(balanceAndHeld[0], balanceAndHeld[1]);
    }

    /** Balance recomputed from the postings, ignoring the cache. */
    public long derivedBalanceMicros(Connection connection, String accountCode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DERIVED_BALANCE)) {
            statement.setString(1, accountCode);
            return singleLong(statement);
        }
    }

    public long journalCount(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(JOURNAL_COUNT)) {
            return singleLong(statement);
        }
    }

    /**
     * Checks the whole ledger. Run it in one snapshot (REPEATABLE READ) so the three counts agree;
     * {@code mismatchedBalances} counts accounts whose cached balance differs from the sum of their
     * postings or whose held amount differs from the sum of their open holds and open balance leases.
     */
    public InvariantReport check(Connection connection) throws SQLException {
        try (PreparedStatement unbalanced = connection.prepareStatement(UNBALANCED_JOURNALS);
             PreparedStatement mismatched = connection.prepareStatement(MISMATCHED_BALANCES);
             PreparedStatement sum = connection.prepareStatement(POSTINGS_SUM)) {
            return new InvariantReport(singleLong(unbalanced), singleLong(mismatched), singleLong(sum));
        }
    }

    private static long[] cachedBalance(Connection connection, String accountCode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CACHED_BALANCE)) {
            statement.setString(1, accountCode);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new long[] {rows.getLong(1), rows.getLong(2)} : new long[] {0, 0};
            }
        }
    }

    private static long singleLong(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("aggregate query returned no row");
            }
            return rows.getLong(1);
        }
    }
}
