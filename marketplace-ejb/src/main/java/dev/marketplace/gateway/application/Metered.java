package dev.marketplace.gateway.application;

/**
 * Tokens billed for a generation (prompt tokens include those read from and written to the provider's prompt cache),
 * its cost in micro-USD, and whether anything was capped to the hold.
 */
public record Metered(long promptTokens, long cacheReadTokens, long cacheWriteTokens, long completionTokens, long costMicros,
               boolean capped) {

    static final Metered NONE = new Metered(0, 0, 0, 0, 0, false);
}
