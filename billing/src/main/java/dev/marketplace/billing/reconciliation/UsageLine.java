package dev.marketplace.billing.reconciliation;

import java.time.Instant;

/** A charged usage record: its id (the idempotency key of its usage journal), developer and cost. */
public record UsageLine(String id, long developerId, long costMicros, Instant at) {
}
