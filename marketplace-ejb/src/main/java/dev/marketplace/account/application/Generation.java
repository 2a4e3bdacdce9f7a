package dev.marketplace.account.application;

import java.time.Instant;

/** One generation as {@code GET /generation} reports it, from its usage record. Cost in micro-USD. */
public record Generation(String id, String model, String providerName, Instant createdAt, long promptTokens,
                         long completionTokens, long costMicros, long latencyMs, String finishReason, boolean streamed,
                         String status) {
    public boolean cancelled() {
        return "cancelled".equals(status);
    }
}
