package dev.marketplace.metering.domain;

/**
 * One generation as metered: who called which listing, the tokens billed, what was held and charged (micro-USD),
 * how long it took and how it ended, and the request's {@code metadata} object as JSON text (null when none). Its id
 * is the generation id and the idempotency key of its usage journal. {@code selfTest}: a provider member's call of the
 * provider's own non-live listing, billed at zero.
 */
public record UsageRecord(String id, long developerId, long apiKeyId, String modelSlug, String providerSlug,
                          long listingId, long promptTokens, long completionTokens, long costMicros, long holdMicros,
                          long latencyMs, UsageStatus status, String finishReason, boolean streamed, boolean capped,
                          String metadataJson, boolean selfTest) {

    /** A paid (not self-test) generation. */
    public UsageRecord(String id, long developerId, long apiKeyId, String modelSlug, String providerSlug,
                       long listingId, long promptTokens, long completionTokens, long costMicros, long holdMicros,
                       long latencyMs, UsageStatus status, String finishReason, boolean streamed, boolean capped,
                       String metadataJson) {
        this(id, developerId, apiKeyId, modelSlug, providerSlug, listingId, promptTokens, completionTokens, costMicros,
                holdMicros, latencyMs, status, finishReason, streamed, capped, metadataJson, false);
    }
}
