package dev.marketplace.catalog.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.metering.domain.UsageStatus;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The in-memory counters: exact under concurrency, minutes named right, nothing allocated per call. */
class MinuteCountersTest {
    private static final long T0 = 1_800_000_000_000L; // a whole minute
    private final MinuteCounters counters = new MinuteCounters();

    @Test
    void countsByHealthRules() {
        counters.observe(7, UsageStatus.OK, 200, 100, false, T0);          // 500 tokens/s
        counters.observe(7, UsageStatus.OK, 0, 100, true, T0 + 1_000);     // 0 ms: latency yes, throughput no
        counters.observe(7, UsageStatus.ERROR, 5_000, 0, false, T0 + 2_000);
        counters.observe(7, UsageStatus.CANCELLED, 300, 40, true, T0 + 3_000);
        List<MinuteDelta> drained = counters.drain(T0 + 4_000);
        assertEquals(1, drained.size());
        MinuteDelta d = drained.get(0);
        assertEquals(7, d.listingId());
        assertEquals(T0 / 60_000, d.epochMinute());
        assertEquals(List.of(2L, 1L, 1L, 2L), List.of(d.ok(), d.error(), d.cancelled(), d.capped()));
        long[] latency = d.latencyBuckets();
        assertEquals(2, sum(latency), "only ok calls have a latency sample");
        assertEquals(1, latency[0]);
        assertEquals(1, latency[LogHistogram.LATENCY_MS.index(200)]);
        long[] throughput = d.throughputBuckets();
        assertEquals(1, sum(throughput));
        assertEquals(1, throughput[LogHistogram.TOKENS_PER_SECOND.index(500)]);
        assertEquals(LogHistogram.TOKENS_PER_SECOND.index(500) + 1, throughput.length, "trailing zeros left off");
        assertTrue(counters.drain(T0 + 5_000).isEmpty(), "a drain takes the counts");
    }

    @Test
    void eachSlotIsNamedByItsMinuteAndListingsAreKeptApart() {
        counters.observe(2, UsageStatus.OK, 10, 1, false, T0 - 1);            // the minute before
        counters.observe(2, UsageStatus.OK, 10, 1, false, T0);
        counters.observe(1, UsageStatus.ERROR, 10, 1, false, T0 + 119_999);   // the minute after
        counters.observe(3, UsageStatus.OK, 10, 1, false, T0 - 60_000);      // also the minute before
        counters.observe(4, UsageStatus.OK, 10, 1, false, T0 - 180_000);     // three: undrained 5 minutes, same slot as +1
        Map<String, Long> seen = new HashMap<>();
        for (MinuteDelta d : counters.drain(T0 + 120_000)) {                  // drained two minutes on
            seen.put(d.listingId() + "@" + (d.epochMinute() - T0 / 60_000), d.ok() + d.error());
        }
        // drained more than SLOTS - 1 minutes late, a count is dated to a later minute: late, never lost
        assertEquals(Map.of("2@-1", 1L, "3@-1", 1L, "2@0", 1L, "1@1", 1L, "4@1", 1L), seen);
    }

    @Test
    void threadsTimesObservationsAreCountedExactlyWhileAnotherThreadDrains() throws Exception {
        int threads = 8;
        int each = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long listing = t % 3; // several threads on the same listing: the contended case
            Thread w = new Thread(() -> {
                await(start);
                for (int i = 0; i < each; i++) {
                    counters.observe(listing, i % 10 == 0 ? UsageStatus.ERROR : UsageStatus.OK, i % 700, 50,
                            i % 100 == 0, T0);
                }
            });
            w.start();
            workers.add(w);
        }
        AtomicBoolean done = new AtomicBoolean();
        List<MinuteDelta> drained = new ArrayList<>();
        Thread drainer = new Thread(() -> {
            while (!done.get()) {
                drained.addAll(counters.drain(T0));
            }
        });
        drainer.start();
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        done.set(true);
        drainer.join();
        drained.addAll(counters.drain(T0));

        long ok = 0;
        long error = 0;
        long capped = 0;
        long latencySamples = 0;
        for (MinuteDelta d : drained) {
            ok += d.ok();
            error += d.error();
            capped += d.capped();
            latencySamples += sum(d.latencyBuckets());
        }
        long total = (long) threads * each;
        assertEquals(total / 10 * 9, ok);
        assertEquals(total / 10, error);
        assertEquals(total / 100, capped);
        assertEquals(ok, latencySamples, "one latency sample per ok call");
    }

    @Test
    void observingAllocatesNothing() {
        var threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < 200_000; i++) { // warm up: first calls per listing allocate, the JIT compiles
            counters.observe(1_000 + i % 50, UsageStatus.OK, i % 900, 30, false, T0);
        }
        long before = threadBean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 1_000_000; i++) {
            counters.observe(1_000 + i % 50, i % 7 == 0 ? UsageStatus.ERROR : UsageStatus.OK, i % 900, 30,
                    i % 11 == 0, T0 + i % 60_000);
        }
        long allocated = threadBean.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 100_000, () -> "a million observations allocated " + allocated + " bytes");
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
