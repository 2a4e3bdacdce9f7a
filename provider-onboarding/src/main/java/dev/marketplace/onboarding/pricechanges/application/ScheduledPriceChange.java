package dev.marketplace.onboarding.pricechanges.application;

import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import java.time.Instant;

/** One price change of a listing: the complete new price set and when it takes (or took) effect. */
public record ScheduledPriceChange(long id, long listingId, PriceSet prices, Instant effectiveAt, String createdBy,
                                   Instant createdAt, Instant appliedAt, Instant cancelledAt) {

    /** pending, applied or cancelled. */
    public String status() {
        return appliedAt != null ? "applied" : cancelledAt != null ? "cancelled" : "pending";
    }
}
