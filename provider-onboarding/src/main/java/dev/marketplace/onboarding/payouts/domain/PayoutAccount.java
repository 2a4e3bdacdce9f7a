package dev.marketplace.onboarding.payouts.domain;

import dev.marketplace.billing.connect.ConnectedAccountStatus;
import java.time.Instant;

/**
 * A provider's payout account as kept: its Connect account and state, and the Stripe time of that state
 * ({@code stateAsOf}, {@code null} until the first event or read).
 */
public record PayoutAccount(long providerId, ConnectedAccountStatus status, Instant stateAsOf, Instant updatedAt) {

    /** A state observed at {@code observedAt} replaces this one unless it is older (events arrive unordered). */
    public boolean isStale(Instant observedAt) {
        return stateAsOf != null && observedAt.isBefore(stateAsOf);
    }
}
