package dev.marketplace.catalog.stats;

/**
 * The rules behind the numbers, kept apart from the SQL that applies them so they can be tested alone; the query
 * in {@link EndpointStatsReader} must compute the same things.
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

    /** The four percentiles from PostgreSQL's array answer, or null when there were no samples. */
    static EndpointStats.Percentiles percentiles(Double[] values) {
        if (values == null || values.length != FRACTIONS.length) {
            return null;
        }
        for (Double v : values) {
            if (v == null) {
                return null;
            }
        }
        return new EndpointStats.Percentiles(values[0], values[1], values[2], values[3]);
    }
}
