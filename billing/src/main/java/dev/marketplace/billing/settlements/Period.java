package dev.marketplace.billing.settlements;

import java.time.Instant;

/** A settlement period {@code [start, end)} in UTC, by ledger posting time. */
public record Period(Instant start, Instant end) {

    public Period {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a period needs start < end: " + start + " .. " + end);
        }
    }
}
