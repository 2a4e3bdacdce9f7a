package dev.marketplace.onboarding.dashboard;

import java.time.LocalDate;

/**
 * One model's day for a provider: successful requests and their tokens (by the usage records' time, UTC), and the
 * money of the usage journals posted that day (by posting time, UTC, as settlement counts it): gross = fee + share,
 * all micro-USD.
 */
public record DailyEarnings(LocalDate day, String model, long requests, long promptTokens, long completionTokens,
                            long grossMicros, long feeMicros, long shareMicros) {

    public long tokens() {
        return promptTokens + completionTokens;
    }
}
