package dev.marketplace.billing.reconciliation;

import java.time.Instant;

/** A reconciliation period: the half-open UTC interval {@code [startsAt, endsAt)}. */
public record Period(long id, Instant startsAt, Instant endsAt, boolean closed, Instant closedAt, String closedBy) {

    public boolean contains(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
