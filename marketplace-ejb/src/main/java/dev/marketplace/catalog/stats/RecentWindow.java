package dev.marketplace.catalog.stats;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * This node's own latency and throughput histograms of the last {@link #MINUTES} minutes per listing, fed by every
 * drain of {@link MinuteCounters} (whether or not the flush to the database then succeeds): what routing sorts by,
 * without a query. Bounded by listings × {@link #MINUTES}; older minutes are dropped as new ones arrive.
 */
public final class RecentWindow {
    /** The 30-minute window's minutes, the current one included (as {@link RollupQueries} reads them). */
    static final int MINUTES = 31;

    private record Key(long listingId, long epochMinute) {
    }

    private final Map<Key, long[]> minutes = new HashMap<>();

    public synchronized void add(Iterable<MinuteDelta> deltas, long nowMinute) {
        for (MinuteDelta d : deltas) {
            if (d.epochMinute() > nowMinute - MINUTES) {
                long[] sum = minutes.computeIfAbsent(new Key(d.listingId(), d.epochMinute()),
                        k -> new long[MinuteCounters.CELLS]);
                for (int i = MinuteCounters.LATENCY; i < MinuteCounters.CELLS; i++) {
                    sum[i] += d.cells()[i];
                }
            }
        }
        minutes.keySet().removeIf(k -> k.epochMinute() <= nowMinute - MINUTES);
    }

    /** Per listing with any ok call in the window: its latency and throughput percentiles (throughput may be null). */
    public synchronized Map<Long, EndpointStats> percentiles(long nowMinute) {
        Map<Long, long[]> sums = new HashMap<>();
        for (Iterator<Map.Entry<Key, long[]>> it = minutes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, long[]> e = it.next();
            if (e.getKey().epochMinute() <= nowMinute - MINUTES) {
                it.remove();
                continue;
            }
            long[] sum = sums.computeIfAbsent(e.getKey().listingId(), id -> new long[MinuteCounters.CELLS]);
            for (int i = MinuteCounters.LATENCY; i < MinuteCounters.CELLS; i++) {
                sum[i] += e.getValue()[i];
            }
        }
        Map<Long, EndpointStats> out = new HashMap<>();
        sums.forEach((id, cells) -> {
            MinuteDelta d = new MinuteDelta(id, nowMinute, cells);
            EndpointStats.Percentiles latency = LogHistogram.LATENCY_MS.percentiles(d.latencyBuckets());
            if (latency != null) {
                out.put(id, new EndpointStats(id, null, null, null, latency,
                        LogHistogram.TOKENS_PER_SECOND.percentiles(d.throughputBuckets()), 0));
            }
        });
        return out;
    }
}
