package dev.marketplace.metering.application;

import java.time.Instant;

/**
 * What a charge of a call served from a key lease does to the key's budget: its usage record's cost (under the
 * journal key {@code idempotencyKey}, the usage id) shrinks lease {@code leaseId}. {@code periodStart} is the key's
 * current period, used only if the lease is no longer open and the key's limit must be checked instead.
 */
record KeyLeaseCharge(String idempotencyKey, long keyId, String leaseId, long costMicros, Instant periodStart) {
    KeyLeaseCharge {
        if (costMicros < 0) {
            throw new IllegalArgumentException("negative cost " + costMicros + " of " + idempotencyKey);
        }
    }
}
