package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.domain.KeyUsage;
import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;

/** An API key as the management API shows it: its settings and usage, never its secret. Money in micro-USD. */
public record ManagedKey(long id, String name, String hint, boolean disabled, Long limitMicros, LimitReset limitReset,
                         KeyUsage usage, Instant createdAt, Instant updatedAt, Instant expiresAt, Instant revokedAt,
                         Integer rateLimitRpm) {

    static ManagedKey of(ApiKey k, KeyUsage usage) {
        return new ManagedKey(k.getId(), k.getName(), k.getKeyHint(), k.isDisabled(), k.getCreditLimitMicros(),
                k.getLimitReset(), usage, k.getCreatedAt(), k.getUpdatedAt(), k.getExpiresAt(), k.getRevokedAt(),
                k.getRateLimitRpm());
    }

    /** What is left of the limit in its current period; null when there is no limit. */
    public Long limitRemainingMicros() {
        return usage.remainingMicros(limitMicros, limitReset);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
