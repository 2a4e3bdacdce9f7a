package dev.marketplace.catalog.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bucket math and the percentiles read from buckets, against exact {@code percentile_cont} on the raw samples. */
class LogHistogramTest {
    private static final LogHistogram MS = LogHistogram.LATENCY_MS;
    private static final LogHistogram TPS = LogHistogram.TOKENS_PER_SECOND;

    @Test
    void sizesAndEdges() {
        assertEquals(177, MS.buckets());
        assertEquals(161, TPS.buckets());
        assertEquals(0, MS.index(0));
        assertEquals(0, MS.index(0.999));
        assertEquals(0, MS.index(-5));
        assertEquals(0, MS.index(Double.NaN));
        assertEquals(1, MS.index(1));
        assertEquals(2, MS.index(1.125));
        assertEquals(9, MS.index(2));
        assertEquals(MS.buckets() - 1, MS.index(Math.scalb(1.0, 22) - 1), "the top of the range");
        assertEquals(MS.buckets() - 1, MS.index(1e12), "above the range: the last bucket");
        assertEquals(MS.buckets() - 1, MS.index(Double.POSITIVE_INFINITY));
        assertEquals(0, TPS.index(0.06));
        assertEquals(1, TPS.index(0.0625));
        assertEquals(0.0, MS.midpoint(0));
        assertThrows(IllegalArgumentException.class, () -> MS.lowerBound(MS.buckets()));
    }

    @Test
    void everyValueLiesInItsBucketAndItsMidpointIsWithinSixPointTwoFivePercent() {
        Random random = new Random(17);
        for (LogHistogram h : new LogHistogram[] {MS, TPS}) {
            for (int n = 0; n < 200_000; n++) {
                double v = Math.exp(random.nextDouble() * 16) * (h == MS ? 1 : 0.07);
                int i = h.index(v);
                if (i == 0 || i == h.buckets() - 1) {
                    continue;
                }
                assertTrue(h.lowerBound(i) <= v && v < h.upperBound(i), () -> v + " in bucket " + i);
                assertTrue(Math.abs(h.midpoint(i) - v) <= 0.0625 * v, () -> v + " reads as " + h.midpoint(i));
            }
            for (int i = 1; i < h.buckets(); i++) {
                assertEquals(h.upperBound(i - 1), h.lowerBound(i), "buckets touch: " + i);
                assertEquals(i, h.index(h.lowerBound(i)), "a bound starts its own bucket: " + i);
            }
        }
    }

    @Test
    void percentilesAreWithinTheResolutionOfExactPercentileCont() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(2_000);
            double[] samples = new double[n];
            long[] counts = new long[MS.buckets()];
            for (int k = 0; k < n; k++) {
                samples[k] = Math.max(1, Math.round(Math.exp(3 + random.nextGaussian() * 1.5))); // log-normal ms
                counts[MS.index(samples[k])]++;
            }
            Arrays.sort(samples);
            for (double q : new double[] {0, 0.5, 0.75, 0.9, 0.95, 0.99, 1}) {
                double exact = percentileCont(samples, q);
                double read = MS.percentile(counts, q);
                assertTrue(Math.abs(read - exact) <= 0.0625 * exact + 1e-9,
                        () -> "q=" + q + " exact " + exact + " read " + read);
            }
        }
    }

    @Test
    void percentileContInterpolatesBetweenTheTwoNearestSamples() {
        long[] counts = new long[MS.buckets()];
        counts[MS.index(100)]++;
        counts[MS.index(300)]++;
        double low = MS.midpoint(MS.index(100));
        double high = MS.midpoint(MS.index(300));
        assertEquals((low + high) / 2, MS.percentile(counts, 0.5), 1e-9);
        assertEquals(low, MS.percentile(counts, 0), 1e-9);
        assertEquals(high, MS.percentile(counts, 1), 1e-9);
        assertEquals(0.0, MS.percentile(new long[] {3}, 0.99), "calls of 0 ms read as 0");
    }

    @Test
    void noSamplesNoPercentiles() {
        assertNull(MS.percentile(new long[0], 0.5));
        assertNull(MS.percentile(new long[MS.buckets()], 0.5));
        assertNull(MS.percentiles(new long[3]));
        assertThrows(IllegalArgumentException.class, () -> MS.percentile(new long[] {1}, 1.5));
    }

    @Test
    void theFourReportedPercentilesAreInOrder() {
        long[] counts = new long[MS.buckets()];
        for (int ms = 1; ms <= 1000; ms++) {
            counts[MS.index(ms)]++;
        }
        EndpointStats.Percentiles p = MS.percentiles(counts);
        assertEquals(500.5, p.p50(), 500.5 * 0.0625);
        assertEquals(990.0, p.p99(), 990 * 0.0625);
        assertTrue(p.p50() <= p.p75() && p.p75() <= p.p90() && p.p90() <= p.p99(), p::toString);
    }

    /** PostgreSQL's percentile_cont on sorted samples. */
    static double percentileCont(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
