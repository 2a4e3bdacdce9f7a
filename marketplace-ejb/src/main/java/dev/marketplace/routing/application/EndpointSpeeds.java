package dev.marketplace.routing.application;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.catalog.stats.EndpointStats;
import dev.marketplace.catalog.stats.EndpointStatsReader;
import dev.marketplace.routing.domain.EndpointSpeed;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput and latency of every live listing, held in memory for {@code provider.sort} throughput / latency and
 * {@code :nitro}: the hot path only reads the map; {@link EndpointSpeedsRefresh} rebuilds it in the background from
 * the endpoint stats (one query for all listings every few seconds), so routing never waits on SQL.
 */
@ApplicationScoped
public class EndpointSpeeds {
    @Inject
    CatalogSnapshot catalog;
    @Inject
    EndpointStatsReader stats;

    private volatile Map<Long, EndpointSpeed> current = Map.of();

    public EndpointSpeed of(long listingId) {
        return current.getOrDefault(listingId, EndpointSpeed.UNKNOWN);
    }

    /** Reads the stats of every live listing and swaps the map in one step. */
    public void refresh() {
        List<Long> listingIds = new ArrayList<>();
        for (Model model : catalog.liveModels()) {
            catalog.routes(model.getSlug()).stream().map(Route::listingId).forEach(listingIds::add);
        }
        Map<Long, EndpointSpeed> next = new HashMap<>();
        stats.forListings(listingIds).forEach((id, s) -> next.put(id, speed(s)));
        current = Map.copyOf(next);
    }

    static EndpointSpeed speed(EndpointStats s) {
        return new EndpointSpeed(s.throughputLast30m() == null ? null : s.throughputLast30m().p50(),
                s.latencyLast30m() == null ? null : s.latencyLast30m().p50());
    }
}
