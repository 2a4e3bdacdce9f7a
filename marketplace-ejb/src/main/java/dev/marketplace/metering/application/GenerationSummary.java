package dev.marketplace.metering.application;

import java.time.Instant;

/** A generation as a developer sees it in their recent activity. */
public record GenerationSummary(String id, Instant createdAt, String model, String provider, long promptTokens,
                                long completionTokens, long costMicros, long latencyMs, String status, boolean streamed) {
}
