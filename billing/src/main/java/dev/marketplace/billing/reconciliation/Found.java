package dev.marketplace.billing.reconciliation;

/**
 * A difference the matcher found in a period: in-period amounts of each side (micro-USD) and the ids of both sides'
 * objects (balance transactions; journal keys), for the portal's links.
 */
public record Found(DifferenceClass differenceClass, Component component, String joinKey, long stripeMicros,
                    long ledgerMicros, long usageMicros, String stripeRefs, String ledgerRefs, String hintAccount) {
}
