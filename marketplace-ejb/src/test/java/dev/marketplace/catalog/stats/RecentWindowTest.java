package dev.marketplace.catalog.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.metering.domain.UsageStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What routing sorts by: this node's drained calls of the last 31 minutes, older ones forgotten. */
class RecentWindowTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final long MINUTE = T0 / 60_000;

    @Test
    void percentilesOverTheLastThirtyOneMinutesOfDrains() {
        MinuteCounters counters = new MinuteCounters();
        RecentWindow window = new RecentWindow();
        counters.observe(5, UsageStatus.OK, 1_000, 100, false, T0 - 31 * 60_000L); // falls out at MINUTE
        window.add(counters.drain(T0 - 31 * 60_000L), MINUTE - 31);
        counters.observe(5, UsageStatus.OK, 100, 100, false, T0 - 30 * 60_000L);
        window.add(counters.drain(T0 - 30 * 60_000L), MINUTE - 30);
        counters.observe(5, UsageStatus.OK, 100, 100, false, T0);
        counters.observe(5, UsageStatus.ERROR, 5, 0, false, T0);
        counters.observe(6, UsageStatus.OK, 0, 10, false, T0);  // measured latency 0: no throughput sample
        window.add(counters.drain(T0), MINUTE);

        EndpointStats five = window.percentiles(MINUTE).get(5L);
        assertEquals(100, five.latencyLast30m().p99(), 100 * 0.0625, "the 1,000 ms call is more than 30 minutes old");
        assertEquals(1_000, five.throughputLast30m().p50(), 1_000 * 0.0625);
        EndpointStats six = window.percentiles(MINUTE).get(6L);
        assertEquals(0.0, six.latencyLast30m().p50());
        assertNull(six.throughputLast30m());
        assertTrue(window.percentiles(MINUTE + 31).isEmpty(), "all forgotten 31 minutes later");
        assertEquals(List.of(), List.copyOf(window.percentiles(MINUTE + 40).keySet()));
    }
}
