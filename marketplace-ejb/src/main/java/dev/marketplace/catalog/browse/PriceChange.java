package dev.marketplace.catalog.browse;

import java.time.Instant;

/** A scheduled price change of one listing not applied yet: the new prices from {@code effectiveAt} on. */
public record PriceChange(Instant effectiveAt, Prices prices, boolean increase) {
}
