package dev.marketplace.catalog.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads {@link EndpointStats} for the listings of one model from {@code usage_record}: every window of every
 * listing in one query, answers cached for {@link #CACHE_TTL} per set of listings, so a client polling the
 * endpoints list reaches the database at most once per TTL (concurrent misses for the same model share one read).
 */
@ApplicationScoped
public class EndpointStatsReader {
    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    /**
     * One pass over the listings' last day of counted calls. Uptime counts only 'ok' and 'error' (a cancelled call
     * is the caller's doing, {@link HealthRules#uptime}); latency and throughput percentiles over the 'ok' calls
     * of the last 30 minutes, throughput = completion_tokens × 1000 / latency_ms for latency > 0
     * ({@link HealthRules#throughput}; nullif keeps a zero latency out even if the filter were evaluated late), and
     * the day's capped calls (usage reported above what the call allowed).
     */
    static final String SQL = """
            select listing_id,
                   count(*) filter (where status = 'ok' and created_at >= now() - interval '5 minutes'),
                   count(*) filter (where status = 'error' and created_at >= now() - interval '5 minutes'),
                   count(*) filter (where status = 'ok' and created_at >= now() - interval '30 minutes'),
                   count(*) filter (where status = 'error' and created_at >= now() - interval '30 minutes'),
                   count(*) filter (where status = 'ok'),
                   count(*) filter (where status = 'error'),
                   percentile_cont(array[0.5, 0.75, 0.9, 0.99]::float8[])
                       within group (order by latency_ms::float8)
                       filter (where status = 'ok' and created_at >= now() - interval '30 minutes'),
                   percentile_cont(array[0.5, 0.75, 0.9, 0.99]::float8[])
                       within group (order by completion_tokens * 1000.0::float8 / nullif(latency_ms, 0))
                       filter (where status = 'ok' and latency_ms > 0 and created_at >= now() - interval '30 minutes'),
                   count(*) filter (where capped)
            from usage_record
            where listing_id = any (?) and created_at >= now() - interval '1 day' and status in ('ok', 'error')
            group by listing_id""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    private final Cache<List<Long>, Map<Long, EndpointStats>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL)
            .maximumSize(10_000)
            .build();

    public EndpointStatsReader() {
        // for CDI
    }

    /** Outside the container (tests, tools): reads through this data source. */
    public EndpointStatsReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stats of each listing (by id; a listing without calls maps to {@link EndpointStats#none}). */
    public Map<Long, EndpointStats> forListings(List<Long> listingIds) {
        if (listingIds.isEmpty()) {
            return Map.of();
        }
        return cache.get(List.copyOf(listingIds), this::read);
    }

    private Map<Long, EndpointStats> read(List<Long> listingIds) {
        Map<Long, EndpointStats> out = new HashMap<>();
        for (Long id : listingIds) {
            out.put(id, EndpointStats.none(id));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            Array ids = c.createArrayOf("bigint", listingIds.toArray(Long[]::new));
            try {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long listingId = rs.getLong(1);
                        out.put(listingId, new EndpointStats(listingId,
                                HealthRules.uptime(rs.getLong(2), rs.getLong(3)),
                                HealthRules.uptime(rs.getLong(4), rs.getLong(5)),
                                HealthRules.uptime(rs.getLong(6), rs.getLong(7)),
                                HealthRules.percentiles(doubles(rs.getArray(8))),
                                HealthRules.percentiles(doubles(rs.getArray(9))),
                                rs.getLong(10)));
                    }
                }
            } finally {
                ids.free();
            }
            return Map.copyOf(out);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read endpoint stats", e);
        }
    }

    private static Double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : ((Number) values[i]).doubleValue();
        }
        return out;
    }
}
