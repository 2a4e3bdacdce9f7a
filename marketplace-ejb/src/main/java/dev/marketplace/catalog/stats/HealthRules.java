package dev.marketplace.catalog.stats;

/**
 * The rules behind the numbers, kept apart from the code that applies them so they can be tested alone:
 * {@link MinuteCounters#observe} counts each call by them, and the rollup readers turn the counts into uptimes here.
 */
public final class HealthRules {
    /** The percentiles reported, in the order of {@link EndpointStats.Percentiles}'s components. */
    static final double[] FRACTIONS = {0.5, 0.75, 0.9, 0.99};

    private HealthRules() {
    }

    /**
     * OpenRouter's uptime: successful ÷ total over the window. Only {@code ok} and {@code error} calls count;
     * a {@code cancelled} call is the caller's own doing and counts neither way. Null when nothing counted.
     */
    public static Double uptime(long ok, long error) {
        if (ok < 0 || error < 0) {
            throw new IllegalArgumentException("counts must not be negative: ok=" + ok + " error=" + error);
        }
        long total = ok + error;
        return total == 0 ? null : (double) ok / total;
    }

    /** Whether a usage record's status counts towards uptime ({@code ok} or {@code error}, not {@code cancelled}). */
    public static boolean countsForUptime(String status) {
        return "ok".equals(status) || "error".equals(status);
    }

    /**
     * Throughput of one successful call in completion tokens per second: {@code completion_tokens × 1000 ÷
     * latency_ms}. Null (not a sample) when the latency is not positive, as a zero-time call has no rate.
     */
    public static Double throughput(long completionTokens, long latencyMs) {
        if (latencyMs <= 0) {
            return null;
        }
        return completionTokens * 1000.0 / latencyMs;
    }
}
