package dev.marketplace.catalog.browse;

import dev.marketplace.catalog.stats.EndpointStats;
import java.util.List;

/** One live endpoint of a model on its page: who serves it, at what prices, how healthy, and what prices are coming. */
public record EndpointRow(long listingId, String providerSlug, String providerName, Prices prices, int contextLength,
                          String quantization, EndpointStats stats, List<PriceChange> upcoming) {

    public EndpointRow {
        upcoming = List.copyOf(upcoming);
    }
}
