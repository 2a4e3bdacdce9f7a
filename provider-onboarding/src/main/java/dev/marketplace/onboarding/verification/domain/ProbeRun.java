package dev.marketplace.onboarding.verification.domain;

import java.time.Instant;

/** One kept run of a listing's probe: status {@code running}, {@code passed} or {@code failed}. */
public record ProbeRun(long id, long listingId, String trigger, String status, ProbeReport report, Integer latencyMs,
                       Instant startedAt, Instant finishedAt) {

    public boolean running() {
        return "running".equals(status);
    }
}
