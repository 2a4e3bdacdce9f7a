package dev.marketplace.billing.lowbalance;

/** A developer whose available credit ({@code availableMicros}) fell below their alert threshold. */
public record LowBalance(long developerId, long thresholdMicros, long availableMicros) {
}
