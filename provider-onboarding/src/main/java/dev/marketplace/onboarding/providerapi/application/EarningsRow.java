package dev.marketplace.onboarding.providerapi.application;

import java.time.LocalDate;

/**
 * One model's earnings on one UTC day, from the posted usage journals of that day: gross is what developers were
 * charged, fee the platform's take, net the provider's share (gross = fee + net, as posted, never recomputed).
 */
public record EarningsRow(LocalDate day, String model, long requests, long promptTokens, long completionTokens,
                          long grossMicros, long feeMicros, long netMicros) {
}
