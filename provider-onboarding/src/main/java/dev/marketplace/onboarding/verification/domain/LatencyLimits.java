package dev.marketplace.onboarding.verification.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast a listing must answer the probe's small completion: the first streamed token within
 * {@code maxFirstTokenMs}, the whole stream within {@code maxTotalMs}. The times are kept either way.
 */
public record LatencyLimits(long maxFirstTokenMs, long maxTotalMs) {
    public static final LatencyLimits DEFAULT = new LatencyLimits(10_000, 30_000);

    /** Null first token: the stream produced none; null total: it did not complete (the streaming check says why). */
    public CheckResult judge(Long firstTokenMs, Long streamTotalMs, Long completionMs) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        if (completionMs != null) {
            numbers.put("completion_ms", completionMs);
        }
        if (firstTokenMs == null) {
            return CheckResult.fail(Check.LATENCY, "No time to first token: the stream delivered no token", numbers);
        }
        if (streamTotalMs == null) {
            numbers.put("first_token_ms", firstTokenMs);
            return CheckResult.fail(Check.LATENCY, "First token after " + firstTokenMs
                    + " ms, but the stream did not complete, so it cannot be timed", numbers);
        }
        numbers.put("first_token_ms", firstTokenMs);
        numbers.put("stream_total_ms", streamTotalMs);
        String measured = "time to first token " + firstTokenMs + " ms, stream total " + streamTotalMs + " ms";
        if (firstTokenMs > maxFirstTokenMs) {
            return CheckResult.fail(Check.LATENCY, "Too slow: " + measured + " (first token allowed within "
                    + maxFirstTokenMs + " ms)", numbers);
        }
        if (streamTotalMs > maxTotalMs) {
            return CheckResult.fail(Check.LATENCY, "Too slow: " + measured + " (the whole small completion allowed "
                    + maxTotalMs + " ms)", numbers);
        }
        return CheckResult.pass(Check.LATENCY, measured, numbers);
    }
}
