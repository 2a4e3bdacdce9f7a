package dev.marketplace.catalog.stats;

/**
 * What real traffic says about one listing. Uptimes are fractions in [0, 1], null when the window saw no call;
 * latency (ms) and throughput (completion tokens per second) are null when the last 30 minutes had no
 * successful call to measure. {@code cappedLast1d} counts the last day's calls whose reported usage was above what
 * the call allowed (completion tokens above its max_tokens, or a cost above its hold): billed at the cap and
 * flagged against the provider. Windows are whole minutes and percentiles come from histograms: see
 * {@link RollupQueries} and {@link LogHistogram}.
 */
public record EndpointStats(long listingId, Double uptimeLast5m, Double uptimeLast30m, Double uptimeLast1d,
                            Percentiles latencyLast30m, Percentiles throughputLast30m, long cappedLast1d) {

    /** A listing without any counted call in the last day. */
    public static EndpointStats none(long listingId) {
        return new EndpointStats(listingId, null, null, null, null, null, 0);
    }

    /** Continuous percentiles ({@code percentile_cont}) of one measure, over its histogram ({@link LogHistogram}). */
    public record Percentiles(double p50, double p75, double p90, double p99) {
    }
}
