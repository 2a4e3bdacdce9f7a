package dev.marketplace.metering.domain;

/**
 * One generation as metered: who called which listing, the tokens billed (prompt tokens include those read from and
 * written to the provider's prompt cache), what was held and charged (micro-USD),
 * how long it took and how it ended, and the request's {@code metadata} object as JSON text (null when none). Its id
 * is the generation id and the idempotency key of its usage journal. {@code selfTest}: a provider member's call of the
 * provider's own non-live listing, billed at zero.
 */
public record UsageRecord(String id, long developerId, long apiKeyId, String modelSlug, String providerSlug,
                          long listingId, long promptTokens, long cacheReadTokens, long cacheWriteTokens,
                          long completionTokens, long costMicros, long holdMicros, long latencyMs, UsageStatus status,
                          String finishReason, boolean streamed, boolean capped, String metadataJson, boolean selfTest) {

    /** A paid (not self-test) generation without prompt caching. */
    public UsageRecord(String id, long developerId, long apiKeyId, String modelSlug, String providerSlug,
                       long listingId, long promptTokens, long completionTokens, long costMicros, long holdMicros,
                       long latencyMs, UsageStatus status, String finishReason, boolean streamed, boolean capped,
                       String metadataJson) {
        this(id, developerId, apiKeyId, modelSlug, providerSlug, listingId, promptTokens, 0, 0, completionTokens,
                costMicros, holdMicros, latencyMs, status, finishReason, streamed, capped, metadataJson, false);
    }
}
