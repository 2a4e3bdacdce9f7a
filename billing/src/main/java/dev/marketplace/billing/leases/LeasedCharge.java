package dev.marketplace.billing.leases;

import dev.marketplace.billing.charges.UsageCharge;

/**
 * The charge of a call whose hold was served from a lease: the usage charge itself (without a hold of its own:
 * {@code charge.holdId()} is null), the lease it shrinks, and the call's hold id and amount, recorded as a settled
 * hold for the audit trail.
 */
public record LeasedCharge(UsageCharge charge, String leaseId, String holdId, long holdMicros) {
    public LeasedCharge {
        if (charge.holdId() != null) {
            throw new IllegalArgumentException("a leased charge has no hold row of its own: " + charge.holdId());
        }
        LeaseStore.requireId(leaseId);
        LeaseStore.requireId(holdId);
        if (charge.grossMicros() > holdMicros) {
            throw new IllegalArgumentException("gross " + charge.grossMicros() + " exceeds the hold of " + holdMicros);
        }
    }
}
