package dev.marketplace.catalog.stats;

import dev.marketplace.metering.domain.UsageStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * This node's endpoint statistics not yet flushed: per listing, a ring of {@value #SLOTS} minute slots of counters
 * (slot = epoch minute mod {@value #SLOTS}), each the status counts and the two histograms. Counting a settled call
 * is a lookup in a sorted array and three or four atomic adds: no lock, no allocation (a listing's first call
 * allocates its counters once). {@link #drain} takes every slot's counts with getAndSet(0), so a count is taken
 * exactly once whatever runs concurrently, and names each slot's minute as the latest minute with that slot number:
 * right as long as the flusher drains more often than every {@value #SLOTS} − 1 minutes; a later drain dates old
 * counts to a later minute but still never loses or doubles one.
 */
public final class MinuteCounters {
    static final int SLOTS = 4;
    static final int OK = 0;
    static final int ERROR = 1;
    static final int CANCELLED = 2;
    static final int CAPPED = 3;
    static final int LATENCY = 4;
    static final int THROUGHPUT = LATENCY + LogHistogram.LATENCY_MS.buckets();
    static final int CELLS = THROUGHPUT + LogHistogram.TOKENS_PER_SECOND.buckets();
    private static final long MS_PER_MINUTE = 60_000;

    /** Listing ids (sorted) and their counters, replaced as a whole when a listing is first seen. */
    private record Table(long[] ids, AtomicLongArray[] counters) {
    }

    private volatile Table table = new Table(new long[0], new AtomicLongArray[0]);

    /**
     * Counts one settled call as {@link HealthRules} does: status ok, error or cancelled; the latency of an ok call;
     * its throughput ({@link HealthRules#throughput}) when it took more than 0 ms; capped whatever its status.
     */
    public void observe(long listingId, UsageStatus status, long latencyMs, long completionTokens, boolean capped,
                        long nowMillis) {
        AtomicLongArray c = countersOf(listingId);
        int base = (int) Math.floorMod(Math.floorDiv(nowMillis, MS_PER_MINUTE), (long) SLOTS) * CELLS;
        if (status == UsageStatus.OK) {
            c.getAndIncrement(base + LATENCY + LogHistogram.LATENCY_MS.index(latencyMs));
            if (latencyMs > 0) { // same rule and formula as HealthRules.throughput, without its boxing
                c.getAndIncrement(base + THROUGHPUT
                        + LogHistogram.TOKENS_PER_SECOND.index(completionTokens * 1000.0 / latencyMs));
            }
        }
        if (capped) {
            c.getAndIncrement(base + CAPPED);
        }
        // the status count last: a drain that sees no status count may skip the slot, leaving in-flight buckets for next time
        c.getAndIncrement(base + switch (status) {
            case OK -> OK;
            case ERROR -> ERROR;
            case CANCELLED -> CANCELLED;
        });
    }

    /** Takes everything counted so far, one delta per listing and minute that saw a call. */
    public List<MinuteDelta> drain(long nowMillis) {
        Table t = table;
        long nowMinute = Math.floorDiv(nowMillis, MS_PER_MINUTE);
        List<MinuteDelta> out = new ArrayList<>();
        for (int j = 0; j < t.ids.length; j++) {
            AtomicLongArray c = t.counters[j];
            for (int slot = 0; slot < SLOTS; slot++) {
                int base = slot * CELLS;
                if (c.get(base + OK) == 0 && c.get(base + ERROR) == 0 && c.get(base + CANCELLED) == 0) {
                    continue;
                }
                long[] cells = new long[CELLS];
                for (int i = 0; i < CELLS; i++) {
                    cells[i] = c.getAndSet(base + i, 0);
                }
                long minute = nowMinute - Math.floorMod(nowMinute - slot, (long) SLOTS);
                out.add(new MinuteDelta(t.ids[j], minute, cells));
            }
        }
        return out;
    }

    private AtomicLongArray countersOf(long listingId) {
        Table t = table;
        int i = Arrays.binarySearch(t.ids, listingId);
        return i >= 0 ? t.counters[i] : add(listingId);
    }

    private synchronized AtomicLongArray add(long listingId) {
        Table t = table;
        int i = Arrays.binarySearch(t.ids, listingId);
        if (i >= 0) {
            return t.counters[i]; // another thread added it first
        }
        int at = -i - 1;
        long[] ids = new long[t.ids.length + 1];
        AtomicLongArray[] counters = new AtomicLongArray[ids.length];
        System.arraycopy(t.ids, 0, ids, 0, at);
        System.arraycopy(t.counters, 0, counters, 0, at);
        System.arraycopy(t.ids, at, ids, at + 1, t.ids.length - at);
        System.arraycopy(t.counters, at, counters, at + 1, t.ids.length - at);
        ids[at] = listingId;
        counters[at] = new AtomicLongArray(SLOTS * CELLS);
        table = new Table(ids, counters);
        return counters[at];
    }
}
