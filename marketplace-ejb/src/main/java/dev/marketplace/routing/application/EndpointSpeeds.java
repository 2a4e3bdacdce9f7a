package dev.marketplace.routing.application;

import dev.marketplace.catalog.stats.EndpointStats;
import dev.marketplace.catalog.stats.EndpointStatsCollector;
import dev.marketplace.routing.domain.EndpointSpeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Throughput and latency of every live listing, held in memory for {@code provider.sort} throughput / latency and
 * {@code :nitro}: the hot path only reads the map; {@link EndpointSpeedsRefresh} rebuilds it in the background from
 * this node's own last 30 minutes of calls ({@link EndpointStatsCollector#recentPercentiles}, fed by every flush of the
 * endpoint stats), so neither routing nor the refresh runs any SQL (decision 0017). Behind a load balancer each node's
 * calls are a fair sample of every listing's; a node that just started knows no speeds until its first calls are
 * flushed, like a new listing.
 */
@ApplicationScoped
public class EndpointSpeeds {
    @Inject
    EndpointStatsCollector stats;

    private volatile Map<Long, EndpointSpeed> current = Map.of();

    public EndpointSpeed of(long listingId) {
        return current.getOrDefault(listingId, EndpointSpeed.UNKNOWN);
    }

    /** Reads this node's recent percentiles of every listing it served and swaps the map in one step. */
    public void refresh() {
        Map<Long, EndpointSpeed> next = new HashMap<>();
        stats.recentPercentiles().forEach((id, s) -> next.put(id, speed(s)));
        current = Map.copyOf(next);
    }

    static EndpointSpeed speed(EndpointStats s) {
        return new EndpointSpeed(s.throughputLast30m() == null ? null : s.throughputLast30m().p50(),
                s.latencyLast30m() == null ? null : s.latencyLast30m().p50());
    }
}
