package dev.marketplace.billing.leases;

/**
 * The answer to {@link LeaseStore#acquire}: whether the lease is (still) open, how much was added to it (0 if the
 * account's available balance did not reach the minimum asked) and what the account has left unleased and unheld.
 */
public record LeaseGrant(boolean open, long grantedMicros, long availableAfterMicros) {
    static LeaseGrant gone() {
        return new LeaseGrant(false, 0, 0);
    }
}
