package dev.marketplace.catalog.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads {@link EndpointStats} for the listings of one model from the per-minute rollup {@code endpoint_minute_stats}
 * ({@link RollupQueries}: at most 1,440 rows per listing for the day's counts, 31 for the percentiles), answers cached
 * for {@link #CACHE_TTL} per set of listings, so a client polling the endpoints list reaches the database at most once
 * per TTL (concurrent misses for the same model share one read). What it shows lags the calls by up to one flush
 * ({@link EndpointStatsCollector#FLUSH_SECONDS}) plus the TTL; percentiles are read from log-scale histograms, within
 * 6.25% of the exact values ({@link LogHistogram}).
 */
@ApplicationScoped
public class EndpointStatsReader {
    static final Duration CACHE_TTL = Duration.ofSeconds(5);

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
        try (Connection c = dataSource.getConnection()) {
            RollupQueries.byListing(c, listingIds.toArray(Long[]::new)).forEach((id, t) -> out.put(id, stats(id, t)));
            return Map.copyOf(out);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read endpoint stats", e);
        }
    }

    static EndpointStats stats(long listingId, RollupTotals t) {
        return new EndpointStats(listingId, t.uptime5m(), t.uptime30m(), t.uptime1d(),
                LogHistogram.LATENCY_MS.percentiles(t.latencyBuckets30m()),
                LogHistogram.TOKENS_PER_SECOND.percentiles(t.throughputBuckets30m()), t.capped1d());
    }
}
