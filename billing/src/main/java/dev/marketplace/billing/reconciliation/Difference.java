package dev.marketplace.billing.reconciliation;

import java.time.Instant;

/** A stored difference of a period, as the portal shows it: both sides' amounts and ids, and its resolution. */
public record Difference(long id, long periodId, DifferenceClass differenceClass, Component component, String joinKey,
                        long stripeMicros, long ledgerMicros, long usageMicros, String stripeRefs, String ledgerRefs,
                        String hintAccount, DifferenceStatus status, String journalKey, String reason,
                        String resolvedBy, Instant resolvedAt) {

    /** What the correcting journal moves: the other side's amount minus the ledger's. */
    public long deltaMicros() {
        return Math.subtractExact(component == Component.USAGE ? usageMicros : stripeMicros, ledgerMicros);
    }
}
