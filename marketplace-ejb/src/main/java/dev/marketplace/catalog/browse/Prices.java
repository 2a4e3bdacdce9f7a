package dev.marketplace.catalog.browse;

/**
 * One listing's full price set in micro-USD: per million input, output, cache-read and cache-write tokens, and per
 * request. Zero means free (or not charged); the portal shows the optional ones only when they are not zero.
 */
public record Prices(long inputMicrosPerMTok, long outputMicrosPerMTok, long requestMicros,
                     long cacheReadMicrosPerMTok, long cacheWriteMicrosPerMTok) {

    /** Whether any of the optional fields (request, cache read, cache write) costs something. */
    public boolean hasExtras() {
        return requestMicros != 0 || cacheReadMicrosPerMTok != 0 || cacheWriteMicrosPerMTok != 0;
    }

    /**
     * Whether moving from this price set to {@code next} raises any field (and so needs notice before it applies):
     * a change that lowers one field and raises another is an increase for whoever uses the raised one.
     */
    public boolean raisedBy(Prices next) {
        return next.inputMicrosPerMTok > inputMicrosPerMTok || next.outputMicrosPerMTok > outputMicrosPerMTok
                || next.requestMicros > requestMicros || next.cacheReadMicrosPerMTok > cacheReadMicrosPerMTok
                || next.cacheWriteMicrosPerMTok > cacheWriteMicrosPerMTok;
    }
}
