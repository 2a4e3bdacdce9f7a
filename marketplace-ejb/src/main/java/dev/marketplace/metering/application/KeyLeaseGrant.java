package dev.marketplace.metering.application;

/**
 * The answer to {@link KeyLeaseStore#acquire}: whether the lease is (still) open, how much was added to it (0 if less
 * than the minimum asked remains of the key's budget, or the key has no limit any more) and what remains of the
 * key's budget after the grant.
 */
record KeyLeaseGrant(boolean open, long grantedMicros, long remainingAfterMicros) {
    static KeyLeaseGrant gone() {
        return new KeyLeaseGrant(false, 0, 0);
    }
}
