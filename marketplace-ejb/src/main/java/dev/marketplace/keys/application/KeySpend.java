package dev.marketplace.keys.application;

import java.time.Instant;

/** A key as the portal's keys page shows it: its settings and usage, and when it last made a call (null: never). */
public record KeySpend(ManagedKey key, Instant lastUsedAt) {
}
