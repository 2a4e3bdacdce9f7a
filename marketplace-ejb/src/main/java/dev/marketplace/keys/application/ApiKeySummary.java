package dev.marketplace.keys.application;

import java.time.Instant;

/** A key as its owner sees it in lists: never the secret. */
public record ApiKeySummary(long id, String name, String hint, Instant createdAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
