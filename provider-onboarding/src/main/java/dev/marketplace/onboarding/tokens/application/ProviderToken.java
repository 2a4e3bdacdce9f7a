package dev.marketplace.onboarding.tokens.application;

import java.time.Instant;

/** A provider token as its provider's members see it (never the secret). */
public record ProviderToken(long id, String name, String hint, String createdBy, Instant createdAt,
                            Instant lastUsedAt, Instant revokedAt, String revokedBy) {
    public boolean active() {
        return revokedAt == null;
    }
}
