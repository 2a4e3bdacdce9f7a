package dev.marketplace.billing.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code recon_run} and {@code recon_difference} tables on the caller's connection. A re-run upserts by period,
 * component and join key, so it never adds a second row for the same difference; what was resolved stays resolved,
 * and an open difference a run no longer finds is cleared.
 */
final class Differences {

    private static final String COLUMNS = """
            id, period_id, class, component, join_key, stripe_micros, ledger_micros, usage_micros, stripe_refs,
            ledger_refs, hint_account, status, journal_key, reason, resolved_by, resolved_at""";
    private static final String UPSERT = """
            INSERT INTO recon_difference (period_id, class, component, join_key, stripe_micros, ledger_micros,
                                          usage_micros, stripe_refs, ledger_refs, hint_account, first_run_id,
                                          last_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (period_id, component, join_key) DO UPDATE
               SET class = EXCLUDED.class, stripe_micros = EXCLUDED.stripe_micros,
                   ledger_micros = EXCLUDED.ledger_micros, usage_micros = EXCLUDED.usage_micros,
                   stripe_refs = EXCLUDED.stripe_refs, ledger_refs = EXCLUDED.ledger_refs,
                   hint_account = COALESCE(EXCLUDED.hint_account, recon_difference.hint_account),
                   last_run_id = EXCLUDED.last_run_id,
                   status = CASE WHEN recon_difference.status = 'cleared' THEN 'open' ELSE recon_difference.status END""";
    private static final String CLEAR_GONE = """
            UPDATE recon_difference SET status = 'cleared', last_run_id = ?
             WHERE period_id = ? AND status = 'open' AND last_run_id <> ?""";
    /** A timing difference whose other half an earlier period marked as timing is explained: carried. */
    private static final String CARRY = """
            UPDATE recon_difference d
               SET status = 'carried', reason = 'timing carried from period ' || e.period_id, resolved_by = ?,
                   resolved_at = now()
              FROM recon_difference e, recon_period ep, recon_period dp
             WHERE d.period_id = ? AND d.status = 'open' AND d.class = 'timing' AND dp.id = d.period_id
               AND e.component = d.component AND e.join_key = d.join_key AND e.status = 'timing'
               AND ep.id = e.period_id AND ep.starts_at < dp.starts_at""";

    private Differences() {
    }

    static long startRun(Connection connection, long periodId, String actor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO recon_run (period_id, run_by) VALUES (?, ?) RETURNING id")) {
            statement.setLong(1, periodId);
            statement.setString(2, actor);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void store(Connection connection, long periodId, long runId, List<Found> found, String actor)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (Found f : found) {
                statement.setLong(1, periodId);
                statement.setString(2, f.differenceClass().dbValue());
                statement.setString(3, f.component().dbValue());
                statement.setString(4, f.joinKey());
                statement.setLong(5, f.stripeMicros());
                statement.setLong(6, f.ledgerMicros());
                statement.setLong(7, f.usageMicros());
                statement.setString(8, f.stripeRefs());
                statement.setString(9, f.ledgerRefs());
                statement.setString(10, f.hintAccount());
                statement.setLong(11, runId);
                statement.setLong(12, runId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(CLEAR_GONE)) {
            statement.setLong(1, runId);
            statement.setLong(2, periodId);
            statement.setLong(3, runId);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(CARRY)) {
            statement.setString(1, actor);
            statement.setLong(2, periodId);
            statement.executeUpdate();
        }
    }

    static void finishRun(Connection connection, RunSummary summary) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE recon_run SET finished_at = now(), stripe_transactions = ?, ledger_journals = ?,
                       usage_records = ?, differences = ?, unexplained = ? WHERE id = ?""")) {
            statement.setLong(1, summary.stripeTransactions());
            statement.setLong(2, summary.ledgerJournals());
            statement.setLong(3, summary.usageRecords());
            statement.setLong(4, summary.differences());
            statement.setLong(5, summary.unexplained());
            statement.setLong(6, summary.runId());
            statement.executeUpdate();
        }
    }

    static int unexplained(Connection connection, long periodId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM recon_difference WHERE period_id = ? AND status = 'open'")) {
            statement.setLong(1, periodId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static List<Difference> ofPeriod(Connection connection, long periodId) throws SQLException {
        List<Difference> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM recon_difference WHERE period_id = ? AND status <> 'cleared' ORDER BY class, component,"
                + " join_key LIMIT 5000")) {
            statement.setLong(1, periodId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(difference(rows));
                }
            }
        }
        return out;
    }

    static Optional<Difference> lock(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM recon_difference WHERE id = ? FOR UPDATE")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(difference(rows)) : Optional.empty();
            }
        }
    }

    static void resolve(Connection connection, long id, DifferenceStatus status, String journalKey,
                        Long correctionMicros, String reason, String actor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE recon_difference SET status = ?, journal_key = ?, correction_micros = ?, reason = ?,
                       resolved_by = ?, resolved_at = now() WHERE id = ?""")) {
            statement.setString(1, status.dbValue());
            statement.setString(2, journalKey);
            if (correctionMicros == null) {
                statement.setNull(3, java.sql.Types.BIGINT);
            } else {
                statement.setLong(3, correctionMicros);
            }
            statement.setString(4, reason);
            statement.setString(5, actor);
            statement.setLong(6, id);
            statement.executeUpdate();
        }
    }

    private static Difference difference(ResultSet rows) throws SQLException {
        Timestamp resolvedAt = rows.getTimestamp(16);
        return new Difference(rows.getLong(1), rows.getLong(2), DifferenceClass.fromDb(rows.getString(3)),
                Component.fromDb(rows.getString(4)), rows.getString(5), rows.getLong(6), rows.getLong(7),
                rows.getLong(8), rows.getString(9), rows.getString(10), rows.getString(11),
                DifferenceStatus.fromDb(rows.getString(12)), rows.getString(13), rows.getString(14),
                rows.getString(15), resolvedAt == null ? null : resolvedAt.toInstant());
    }
}
