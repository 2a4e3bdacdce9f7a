package dev.marketplace.onboarding.takerates;

import java.time.Instant;

/** One scheduled take rate of a provider; {@code appliedAt} null while it waits for its time. */
public record TakeRateChange(long id, long providerId, int takeRateBps, Instant effectiveAt, String reason,
                             String createdBy, Instant createdAt, Instant appliedAt) {

    public boolean applied() {
        return appliedAt != null;
    }
}
