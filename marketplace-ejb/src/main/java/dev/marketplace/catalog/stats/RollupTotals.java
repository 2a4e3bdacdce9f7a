package dev.marketplace.catalog.stats;

/**
 * What the rollup holds for one listing or one group of listings (an endpoint): counts over the windows of
 * {@link EndpointStats} and the last 30 minutes' histograms (bucket i at index i of {@link LogHistogram#LATENCY_MS}
 * and {@link LogHistogram#TOKENS_PER_SECOND}).
 */
public record RollupTotals(long ok5m, long error5m, long ok30m, long error30m, long ok1d, long error1d,
                           long cancelled1d, long capped1d, long[] latencyBuckets30m, long[] throughputBuckets30m) {

    public static RollupTotals empty() {
        return new RollupTotals(0, 0, 0, 0, 0, 0, 0, 0, new long[0], new long[0]);
    }

    public Double uptime5m() {
        return HealthRules.uptime(ok5m, error5m);
    }

    public Double uptime30m() {
        return HealthRules.uptime(ok30m, error30m);
    }

    public Double uptime1d() {
        return HealthRules.uptime(ok1d, error1d);
    }

    /** Calls of the last day, whatever their status. */
    public long requests1d() {
        return ok1d + error1d + cancelled1d;
    }

    /** A latency percentile (ms) of the last 30 minutes' ok calls, null without any. */
    public Double latencyPercentile30m(double fraction) {
        return LogHistogram.LATENCY_MS.percentile(latencyBuckets30m, fraction);
    }

    RollupTotals withBuckets(long[] latency, long[] throughput) {
        return new RollupTotals(ok5m, error5m, ok30m, error30m, ok1d, error1d, cancelled1d, capped1d, latency,
                throughput);
    }
}
