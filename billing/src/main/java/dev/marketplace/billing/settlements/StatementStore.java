package dev.marketplace.billing.settlements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statement tables on the caller's connection (public for payouts, which mark a statement paid in their journal's transaction). */
public final class StatementStore {

    static final int MAX_LISTED = 500;

    private static final String COLUMNS = """
            id, provider_id, payee_account, frequency, period_start, period_end, requests, gross_micros, fee_micros,
            net_micros, adjustments_micros, carried_in_micros, payout_micros, carried_out_micros, minimum_payout_micros,
            status, created_by, created_at, prepared_by, prepared_at, approved_by, approved_at""";
    private static final String INSERT = """
            INSERT INTO settlement_statement (provider_id, payee_account, frequency, period_start, period_end, requests,
                gross_micros, fee_micros, net_micros, adjustments_micros, carried_in_micros, payout_micros,
                carried_out_micros, minimum_payout_micros, status, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (provider_id, period_start, period_end) DO NOTHING
            RETURNING id""";
    private static final String INSERT_LINE = """
            INSERT INTO settlement_line (statement_id, kind, day, model, requests, prompt_tokens, completion_tokens,
                gross_micros, fee_micros, net_micros, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    Optional<Long> insert(Connection c, Statement s, List<StatementLine> lines) throws SQLException {
        Long id;
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            p.setLong(1, s.providerId());
            p.setString(2, s.payeeAccount());
            p.setString(3, s.frequency().columnValue());
            p.setTimestamp(4, Timestamp.from(s.period().start()));
            p.setTimestamp(5, Timestamp.from(s.period().end()));
            p.setLong(6, s.requests());
            p.setLong(7, s.grossMicros());
            p.setLong(8, s.feeMicros());
            p.setLong(9, s.netMicros());
            p.setLong(10, s.adjustmentsMicros());
            p.setLong(11, s.carriedInMicros());
            p.setLong(12, s.payoutMicros());
            p.setLong(13, s.carriedOutMicros());
            p.setLong(14, s.minimumPayoutMicros());
            p.setString(15, s.status().columnValue());
            p.setString(16, s.createdBy());
            try (ResultSet rows = p.executeQuery()) {
                id = rows.next() ? rows.getLong(1) : null;
            }
        }
        if (id == null) {
            return Optional.empty();
        }
        try (PreparedStatement p = c.prepareStatement(INSERT_LINE)) {
            for (StatementLine line : lines) {
                p.setLong(1, id);
                p.setString(2, line.kind() == StatementLine.Kind.USAGE ? "usage" : "adjustment");
                p.setObject(3, line.day());
                p.setString(4, line.model());
                p.setLong(5, line.requests());
                p.setLong(6, line.promptTokens());
                p.setLong(7, line.completionTokens());
                p.setLong(8, line.grossMicros());
                p.setLong(9, line.feeMicros());
                p.setLong(10, line.netMicros());
                if (line.reason() == null) {
                    p.setNull(11, Types.VARCHAR);
                } else {
                    p.setString(11, line.reason());
                }
                p.addBatch();
            }
            p.executeBatch();
        }
        return Optional.of(id);
    }

    public Optional<Statement> find(Connection c, long id, boolean forUpdate) throws SQLException {
        List<Statement> found = query(c, "SELECT " + COLUMNS + " FROM settlement_statement WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""), id);
        return found.stream().findFirst();
    }

    Optional<Statement> find(Connection c, long providerId, Period period) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM settlement_statement WHERE provider_id = ? AND period_start = ?"
                + " AND period_end = ?", providerId, period.start(), period.end()).stream().findFirst();
    }

    /** The provider's latest statement (by period end), if any. */
    Optional<Statement> latest(Connection c, long providerId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM settlement_statement WHERE provider_id = ?"
                + " ORDER BY period_end DESC LIMIT 1", providerId).stream().findFirst();
    }

    /** Newest first; {@code providerId} null for every provider. */
    List<Statement> list(Connection c, Long providerId, int limit) throws SQLException {
        int bounded = Math.max(1, Math.min(limit, MAX_LISTED));
        return providerId == null
                ? query(c, "SELECT " + COLUMNS + " FROM settlement_statement ORDER BY period_end DESC, id DESC LIMIT ?",
                        bounded)
                : query(c, "SELECT " + COLUMNS + " FROM settlement_statement WHERE provider_id = ?"
                        + " ORDER BY period_end DESC, id DESC LIMIT ?", providerId, bounded);
    }

    List<StatementLine> lines(Connection c, long statementId) throws SQLException {
        List<StatementLine> lines = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT kind, day, model, requests, prompt_tokens, completion_tokens, gross_micros, fee_micros,
                       net_micros, reason
                  FROM settlement_line WHERE statement_id = ? ORDER BY kind DESC, day, model, id""")) {
            p.setLong(1, statementId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    lines.add(new StatementLine("usage".equals(r.getString(1)) ? StatementLine.Kind.USAGE
                            : StatementLine.Kind.ADJUSTMENT, r.getObject(2, LocalDate.class), r.getString(3),
                            r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9),
                            r.getString(10)));
                }
            }
        }
        return lines;
    }

    /** Moves the statement from {@code from} to {@code to}, stamping who; false if it was not in {@code from}. */
    public boolean mark(Connection c, long id, StatementStatus from, StatementStatus to, String actor) throws SQLException {
        String who = to == StatementStatus.PREPARED ? "prepared_by = ?, prepared_at = now()"
                : to == StatementStatus.APPROVED ? "approved_by = ?, approved_at = now()" : "created_by = created_by";
        String extra = to == StatementStatus.APPROVED ? " AND prepared_by <> ?" : "";
        try (PreparedStatement p = c.prepareStatement("UPDATE settlement_statement SET status = ?, " + who
                + " WHERE id = ? AND status = ?" + extra)) {
            int i = 1;
            p.setString(i++, to.columnValue());
            if (to == StatementStatus.PREPARED || to == StatementStatus.APPROVED) {
                p.setString(i++, actor);
            }
            p.setLong(i++, id);
            p.setString(i++, from.columnValue());
            if (to == StatementStatus.APPROVED) {
                p.setString(i, actor);
            }
            return p.executeUpdate() == 1;
        }
    }

    /** The first posting time on the account, if it has any posting. */
    Optional<Instant> firstPosting(Connection c, String accountCode) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT min(created_at) FROM ledger_posting WHERE account_code = ?")) {
            p.setString(1, accountCode);
            try (ResultSet r = p.executeQuery()) {
                Timestamp at = r.next() ? r.getTimestamp(1) : null;
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        }
    }

    Optional<ProviderSetting> setting(Connection c, long providerId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT frequency, minimum_payout_micros FROM settlement_setting WHERE provider_id = ?")) {
            p.setLong(1, providerId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new ProviderSetting(providerId, Frequency.fromColumn(r.getString(1)),
                        r.getLong(2))) : Optional.empty();
            }
        }
    }

    void saveSetting(Connection c, ProviderSetting setting, String actor) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO settlement_setting (provider_id, frequency, minimum_payout_micros, updated_by)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (provider_id) DO UPDATE SET frequency = EXCLUDED.frequency,
                    minimum_payout_micros = EXCLUDED.minimum_payout_micros, updated_by = EXCLUDED.updated_by,
                    updated_at = now()""")) {
            p.setLong(1, setting.providerId());
            p.setString(2, setting.frequency().columnValue());
            p.setLong(3, setting.minimumPayoutMicros());
            p.setString(4, actor);
            p.executeUpdate();
        }
    }

    private static List<Statement> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object v = params[i];
                if (v instanceof Instant at) {
                    p.setTimestamp(i + 1, Timestamp.from(at));
                } else {
                    p.setObject(i + 1, v);
                }
            }
            List<Statement> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
            return out;
        }
    }

    private static Statement read(ResultSet r) throws SQLException {
        return new Statement(r.getLong(1), r.getLong(2), r.getString(3), Frequency.fromColumn(r.getString(4)),
                new Period(r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant()), r.getLong(7), r.getLong(8),
                r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12), r.getLong(13), r.getLong(14), r.getLong(15),
                StatementStatus.fromColumn(r.getString(16)), r.getString(17), instant(r, 18), r.getString(19),
                instant(r, 20), r.getString(21), instant(r, 22));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp at = r.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
