package dev.marketplace.metering.application;

/** What became of a request to hold credit before an upstream call. */
public enum HoldOutcome {
    GRANTED,
    /** The developer's available credit does not cover the worst case. */
    INSUFFICIENT_CREDIT,
    /** The key's own credit limit for its current period does not cover it (settled usage plus calls in flight). */
    KEY_LIMIT_REACHED
}
