package dev.marketplace.account.application;

import java.time.Instant;

/**
 * One generation as {@code GET /generation} reports it, from its usage record. Cost in micro-USD; prompt tokens
 * include those read from ({@code cacheReadTokens}) and written to ({@code cacheWriteTokens}) the provider's cache.
 */
public record Generation(String id, String model, String providerName, Instant createdAt, long promptTokens,
                         long cacheReadTokens, long cacheWriteTokens, long completionTokens, long costMicros,
                         long latencyMs, String finishReason, boolean streamed, String status) {
    public boolean cancelled() {
        return "cancelled".equals(status);
    }
}
