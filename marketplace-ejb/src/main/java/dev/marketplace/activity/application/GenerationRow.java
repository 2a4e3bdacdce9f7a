package dev.marketplace.activity.application;

import java.time.Instant;

/** A generation as the activity grid and its CSV export show it; money in micro-USD, metadata as JSON text or null. */
public record GenerationRow(String id, Instant createdAt, String model, String provider, String keyName,
                            long promptTokens, long completionTokens, long costMicros, long latencyMs, String status,
                            boolean streamed, String metadataJson) {
}
