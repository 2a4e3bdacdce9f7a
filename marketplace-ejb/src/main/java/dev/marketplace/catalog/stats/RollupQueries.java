package dev.marketplace.catalog.stats;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code endpoint_minute_stats} per listing or per endpoint (the sum of its listings): two queries, one for
 * the counts of every window, one for the last 30 minutes' histograms summed bucket by bucket in the database (only
 * non-empty buckets come back). A window takes every minute that overlaps it: "the last 5 minutes" are the current
 * minute and the 5 before it, so between 5 and 6 minutes of calls (likewise 30 minutes and a day).
 */
public final class RollupQueries {
    private static final String COUNTS = """
            select %1$s,
                   coalesce(sum(s.ok) filter (where s.minute > now() - interval '6 minutes'), 0)::bigint,
                   coalesce(sum(s.error) filter (where s.minute > now() - interval '6 minutes'), 0)::bigint,
                   coalesce(sum(s.ok) filter (where s.minute > now() - interval '31 minutes'), 0)::bigint,
                   coalesce(sum(s.error) filter (where s.minute > now() - interval '31 minutes'), 0)::bigint,
                   sum(s.ok)::bigint, sum(s.error)::bigint, sum(s.cancelled)::bigint, sum(s.capped)::bigint
            from %2$s
            where %1$s = any (?) and s.minute > now() - interval '1 day 1 minute'
            group by %1$s""";
    private static final String BUCKETS = """
            select %1$s, 0, b.i, sum(b.n)::bigint
            from %2$s cross join lateral unnest(s.latency_ms_buckets) with ordinality as b(n, i)
            where %1$s = any (?) and s.minute > now() - interval '31 minutes' and b.n > 0
            group by %1$s, b.i
            union all
            select %1$s, 1, b.i, sum(b.n)::bigint
            from %2$s cross join lateral unnest(s.throughput_buckets) with ordinality as b(n, i)
            where %1$s = any (?) and s.minute > now() - interval '31 minutes' and b.n > 0
            group by %1$s, b.i""";
    private static final String BY_LISTING_KEY = "s.listing_id";
    private static final String BY_LISTING_FROM = "endpoint_minute_stats s";
    private static final String BY_ENDPOINT_KEY = "l.endpoint_id";
    private static final String BY_ENDPOINT_FROM = "endpoint_minute_stats s join listing l on l.id = s.listing_id";

    private RollupQueries() {
    }

    /** The totals of each listing that has any in the last day (listings without are left out). */
    public static Map<Long, RollupTotals> byListing(Connection c, Long[] listingIds) throws SQLException {
        return read(c, listingIds, BY_LISTING_KEY, BY_LISTING_FROM);
    }

    /** The totals of each endpoint (all its listings together) that has any in the last day. */
    public static Map<Long, RollupTotals> byEndpoint(Connection c, Long[] endpointIds) throws SQLException {
        return read(c, endpointIds, BY_ENDPOINT_KEY, BY_ENDPOINT_FROM);
    }

    private static Map<Long, RollupTotals> read(Connection c, Long[] ids, String key, String from) throws SQLException {
        Map<Long, RollupTotals> out = new HashMap<>();
        if (ids.length == 0) {
            return out;
        }
        Array array = c.createArrayOf("bigint", ids);
        try {
            try (PreparedStatement s = c.prepareStatement(COUNTS.formatted(key, from))) {
                s.setArray(1, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new RollupTotals(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                                new long[0], new long[0]));
                    }
                }
            }
            Map<Long, long[]> latency = new HashMap<>();
            Map<Long, long[]> throughput = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(BUCKETS.formatted(key, from))) {
                s.setArray(1, array);
                s.setArray(2, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        boolean isLatency = rs.getInt(2) == 0;
                        LogHistogram h = isLatency ? LogHistogram.LATENCY_MS : LogHistogram.TOKENS_PER_SECOND;
                        int bucket = Math.min(rs.getInt(3) - 1, h.buckets() - 1); // ordinality counts from 1
                        (isLatency ? latency : throughput).computeIfAbsent(rs.getLong(1), id -> new long[h.buckets()])
                                [bucket] += rs.getLong(4);
                    }
                }
            }
            out.replaceAll((id, t) -> t.withBuckets(latency.getOrDefault(id, new long[0]),
                    throughput.getOrDefault(id, new long[0])));
            return out;
        } finally {
            array.free();
        }
    }
}
