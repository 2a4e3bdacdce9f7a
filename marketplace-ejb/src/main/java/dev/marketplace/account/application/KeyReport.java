package dev.marketplace.account.application;

import dev.marketplace.keys.domain.KeyUsage;
import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;

/** The calling API key as {@code GET /key} reports it. Money in micro-USD; {@code limitMicros} null: no limit. */
public record KeyReport(long keyId, String name, String hint, KeyUsage usage, Long limitMicros, LimitReset limitReset,
                        Instant createdAt, Instant expiresAt) {
    public Long limitRemainingMicros() {
        return usage.remainingMicros(limitMicros, limitReset);
    }
}
