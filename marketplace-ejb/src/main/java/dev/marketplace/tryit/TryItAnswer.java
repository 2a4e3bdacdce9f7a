package dev.marketplace.tryit;

/** What one try-it call gave back: the text, who served it, its usage and what it cost (micro-USD). */
public record TryItAnswer(String generationId, String text, String provider, long promptTokens, long completionTokens,
                          long costMicros) {
}
