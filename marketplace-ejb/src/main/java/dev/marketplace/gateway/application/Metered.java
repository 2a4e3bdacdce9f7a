package dev.marketplace.gateway.application;

/** Tokens billed for a generation, its cost in micro-USD, and whether anything was capped to the hold. */
record Metered(long promptTokens, long completionTokens, long costMicros, boolean capped) {
}
