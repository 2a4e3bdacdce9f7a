package dev.marketplace.onboarding.pricechanges.domain;

import java.time.Instant;

/**
 * What the rules decided: apply the new prices now (in the scheduling transaction) or keep them pending until
 * {@code effectiveAt}; {@code raises} says whether any price goes up (shown to developers as an upcoming increase).
 */
public record PriceChangePlan(boolean applyNow, Instant effectiveAt, boolean raises) {
}
