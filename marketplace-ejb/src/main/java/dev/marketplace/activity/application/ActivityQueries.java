package dev.marketplace.activity.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads a developer's own activity: daily totals for the charts, one page of generations for the grid, or all of
 * the filtered generations row by row for an export (a server-side cursor: never the whole set in memory).
 */
@ApplicationScoped
public class ActivityQueries {
    public static final int MAX_PAGE = 500;
    /** Rows fetched per round trip while streaming an export. */
    static final int EXPORT_FETCH_SIZE = 500;
    static final int MAX_CHOICES = 200;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    /** Something that takes rows one at a time and may fail writing them (an export's output). */
    @FunctionalInterface
    public interface RowSink {
        void accept(GenerationRow row) throws java.io.IOException;
    }

    public List<DailyUsage> daily(long developerId, GenerationFilter filter, Breakdown by, String metadataKey) {
        List<DailyUsage> out = new ArrayList<>();
        run(ActivitySql.daily(developerId, filter, by, metadataKey), 0, rs -> out.add(new DailyUsage(
                rs.getObject(1, java.time.LocalDate.class), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
        return out;
    }

    /** Generations {@code offset} to {@code offset + limit}, newest first; {@code limit} at most {@link #MAX_PAGE}. */
    public List<GenerationRow> page(long developerId, GenerationFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<GenerationRow> out = new ArrayList<>();
        run(ActivitySql.page(developerId, filter, offset, Math.min(limit, MAX_PAGE)), 0, rs -> out.add(row(rs)));
        return out;
    }

    /** Hands every filtered generation to {@code sink} as it is read, newest first. */
    public void each(long developerId, GenerationFilter filter, RowSink sink) throws java.io.IOException {
        ActivitySql.Statement statement = ActivitySql.all(developerId, filter);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = prepare(c, statement, EXPORT_FETCH_SIZE); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row(rs));
                }
            } finally {
                c.rollback(); // read-only: nothing to keep
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read generations for export", e);
        }
    }

    public List<String> metadataKeys(long developerId, GenerationFilter filter) {
        List<String> out = new ArrayList<>();
        run(ActivitySql.metadataKeys(developerId, filter, MAX_CHOICES), 0, rs -> out.add(rs.getString(1)));
        return out;
    }

    public List<String> models(long developerId, GenerationFilter filter) {
        List<String> out = new ArrayList<>();
        run(ActivitySql.models(developerId, filter, MAX_CHOICES), 0, rs -> out.add(rs.getString(1)));
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void run(ActivitySql.Statement statement, int fetchSize, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, statement, fetchSize);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read activity", e);
        }
    }

    private static PreparedStatement prepare(Connection c, ActivitySql.Statement statement, int fetchSize)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.sql());
        try {
            for (int i = 0; i < statement.params().size(); i++) {
                ps.setObject(i + 1, statement.params().get(i));
            }
            ps.setFetchSize(fetchSize);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static GenerationRow row(ResultSet rs) throws SQLException {
        return new GenerationRow(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10),
                rs.getBoolean(11), rs.getString(12));
    }
}
