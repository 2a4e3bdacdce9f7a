package dev.marketplace.billing.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code recon_period} table on the caller's connection. */
final class Periods {

    private static final String COLUMNS = "id, starts_at, ends_at, status, closed_at, closed_by";

    private Periods() {
    }

    /** The calendar month (UTC) as a period. */
    static Instant[] month(YearMonth month) {
        return new Instant[] {month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
    }

    /**
     * Opens {@code [start, end)}, or returns the period that already has exactly these bounds. Periods follow each
     * other without gaps or overlaps: the new one must start where the latest ends (any start when it is the first).
     */
    static Period open(Connection connection, Instant start, Instant end) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("LOCK TABLE recon_period IN SHARE ROW EXCLUSIVE MODE")) {
            lock.execute();
        }
        Optional<Period> latest = latest(connection);
        if (latest.isPresent() && latest.get().startsAt().equals(start) && latest.get().endsAt().equals(end)) {
            return latest.get();
        }
        if (latest.isPresent() && !latest.get().endsAt().equals(start)) {
            throw new IllegalArgumentException("the next period must start at " + latest.get().endsAt()
                    + " (where the latest ends), not " + start);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO recon_period (starts_at, ends_at) VALUES (?, ?) RETURNING " + COLUMNS)) {
            insert.setTimestamp(1, Timestamp.from(start));
            insert.setTimestamp(2, Timestamp.from(end));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return period(rows);
            }
        }
    }

    static Optional<Period> latest(Connection connection) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM recon_period ORDER BY starts_at DESC LIMIT 1", null);
    }

    static Period find(Connection connection, long id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM recon_period WHERE id = ?", id)
                .orElseThrow(() -> new UnknownPeriodException(id));
    }

    static Period lock(Connection connection, long id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM recon_period WHERE id = ? FOR UPDATE", id)
                .orElseThrow(() -> new UnknownPeriodException(id));
    }

    static List<Period> all(Connection connection) throws SQLException {
        List<Period> periods = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM recon_period ORDER BY starts_at DESC LIMIT 240");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                periods.add(period(rows));
            }
        }
        return periods;
    }

    static void close(Connection connection, long id, String actor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE recon_period SET status = 'closed', closed_at = now(), closed_by = ? WHERE id = ?")) {
            statement.setString(1, actor);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    private static Optional<Period> one(Connection connection, String sql, Long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(period(rows)) : Optional.empty();
            }
        }
    }

    private static Period period(ResultSet rows) throws SQLException {
        Timestamp closedAt = rows.getTimestamp(5);
        return new Period(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getTimestamp(3).toInstant(),
                "closed".equals(rows.getString(4)), closedAt == null ? null : closedAt.toInstant(), rows.getString(6));
    }
}
