package dev.marketplace.catalog.stats;

import java.util.Arrays;

/**
 * What one node counted for one listing in one minute since its last flush: the cells of {@link MinuteCounters}
 * (status counts, then the latency and throughput histograms). Added, never set: the rollup row is the sum of every
 * node's deltas.
 */
public record MinuteDelta(long listingId, long epochMinute, long[] cells) {
    public MinuteDelta {
        if (cells.length != MinuteCounters.CELLS) {
            throw new IllegalArgumentException("a delta has " + MinuteCounters.CELLS + " cells, not " + cells.length);
        }
    }

    public long ok() {
        return cells[MinuteCounters.OK];
    }

    public long error() {
        return cells[MinuteCounters.ERROR];
    }

    public long cancelled() {
        return cells[MinuteCounters.CANCELLED];
    }

    public long capped() {
        return cells[MinuteCounters.CAPPED];
    }

    /** Latency bucket counts, trailing empty buckets left off. */
    public long[] latencyBuckets() {
        return trimmed(MinuteCounters.LATENCY, MinuteCounters.THROUGHPUT);
    }

    /** Throughput bucket counts, trailing empty buckets left off. */
    public long[] throughputBuckets() {
        return trimmed(MinuteCounters.THROUGHPUT, MinuteCounters.CELLS);
    }

    /** This delta plus another of the same listing and minute. */
    public MinuteDelta plus(MinuteDelta other) {
        if (other.listingId != listingId || other.epochMinute != epochMinute) {
            throw new IllegalArgumentException("deltas of different listings or minutes do not add up");
        }
        long[] sum = cells.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.cells[i];
        }
        return new MinuteDelta(listingId, epochMinute, sum);
    }

    private long[] trimmed(int from, int to) {
        int end = to;
        while (end > from && cells[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOfRange(cells, from, end);
    }
}
