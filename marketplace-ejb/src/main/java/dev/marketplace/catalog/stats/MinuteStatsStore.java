package dev.marketplace.catalog.stats;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Writes deltas into {@code endpoint_minute_stats}: one JDBC batch of upserts that add to whatever is there (another
 * node's deltas, an earlier flush), in one transaction, rows in key order so that two nodes flushing at once lock in
 * the same order and cannot deadlock. Also prunes rows older than what the windows read.
 */
public final class MinuteStatsStore {
    static final String UPSERT = """
            insert into endpoint_minute_stats (listing_id, minute, ok, error, cancelled, capped, latency_ms_buckets,
                throughput_buckets)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (listing_id, minute) do update set
                ok = endpoint_minute_stats.ok + excluded.ok,
                error = endpoint_minute_stats.error + excluded.error,
                cancelled = endpoint_minute_stats.cancelled + excluded.cancelled,
                capped = endpoint_minute_stats.capped + excluded.capped,
                latency_ms_buckets = endpoint_stats_add_buckets(endpoint_minute_stats.latency_ms_buckets,
                    excluded.latency_ms_buckets),
                throughput_buckets = endpoint_stats_add_buckets(endpoint_minute_stats.throughput_buckets,
                    excluded.throughput_buckets)""";
    static final String PRUNE = "delete from endpoint_minute_stats where minute < ?";

    private MinuteStatsStore() {
    }

    /** Adds the deltas in one transaction on {@code c} (auto-commit off; committed here, rolled back on failure). */
    public static void add(Connection c, Collection<MinuteDelta> deltas) throws SQLException {
        List<MinuteDelta> sorted = new ArrayList<>(deltas);
        sorted.sort(Comparator.comparingLong(MinuteDelta::listingId).thenComparingLong(MinuteDelta::epochMinute));
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (MinuteDelta d : sorted) {
                s.setLong(1, d.listingId());
                s.setTimestamp(2, Timestamp.from(Instant.ofEpochSecond(d.epochMinute() * 60)));
                s.setLong(3, d.ok());
                s.setLong(4, d.error());
                s.setLong(5, d.cancelled());
                s.setLong(6, d.capped());
                s.setArray(7, array(c, d.latencyBuckets()));
                s.setArray(8, array(c, d.throughputBuckets()));
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Deletes the rows of minutes that ended more than {@code keep} before {@code now}; returns how many. */
    public static int prune(Connection c, Instant now, Duration keep) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PRUNE)) {
            s.setTimestamp(1, Timestamp.from(now.minus(keep)));
            return s.executeUpdate();
        }
    }

    private static Array array(Connection c, long[] values) throws SQLException {
        return c.createArrayOf("bigint", LongStream.of(values).boxed().toArray(Long[]::new));
    }
}
