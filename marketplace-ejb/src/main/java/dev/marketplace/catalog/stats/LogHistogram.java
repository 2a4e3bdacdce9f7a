package dev.marketplace.catalog.stats;

/**
 * Log-scale bucket boundaries for one measure, in the manner of HdrHistogram: every power of two from
 * 2<sup>minExponent</sup> to 2<sup>maxExponent + 1</sup> is cut into {@value #SUBS} equal buckets, so a bucket is at
 * most 1/8 of its lower bound wide and its midpoint is within 6.25% of any value in it. Bucket 0 holds everything below
 * 2<sup>minExponent</sup> (read as 0); the last bucket also holds everything above the range. Finding a bucket takes
 * the double's exponent and three mantissa bits: no logarithm, no allocation, cheap enough for every call.
 *
 * <p>Percentiles are {@code percentile_cont} (linear interpolation between the two nearest ranks) over the samples,
 * each replaced by its bucket's midpoint: within 6.25% of the exact {@code percentile_cont} inside the range.
 */
public final class LogHistogram {
    static final int SUB_BITS = 3;
    static final int SUBS = 1 << SUB_BITS;

    /** Latency in milliseconds: 1 ms to 2<sup>22</sup> ms (70 minutes); 0 ms calls in bucket 0. 177 buckets. */
    public static final LogHistogram LATENCY_MS = new LogHistogram(0, 21);
    /** Throughput in completion tokens per second: 1/16 to 2<sup>16</sup> (65,536). 161 buckets. */
    public static final LogHistogram TOKENS_PER_SECOND = new LogHistogram(-4, 15);

    private final int minExponent;
    private final int maxExponent;
    private final double lowest;
    private final int buckets;

    LogHistogram(int minExponent, int maxExponent) {
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
        this.lowest = Math.scalb(1.0, minExponent);
        this.buckets = 1 + (maxExponent - minExponent + 1) * SUBS;
    }

    public int buckets() {
        return buckets;
    }

    /** The bucket of a value: 0 below the range (and for NaN), the last one above it. */
    public int index(double value) {
        if (!(value >= lowest)) {
            return 0;
        }
        int exponent = Math.getExponent(value);
        if (exponent > maxExponent) {
            return buckets - 1;
        }
        int sub = (int) (Double.doubleToRawLongBits(value) >>> (52 - SUB_BITS)) & (SUBS - 1);
        return 1 + (exponent - minExponent) * SUBS + sub;
    }

    /** The smallest value of bucket {@code i} (0 for bucket 0). */
    public double lowerBound(int i) {
        check(i);
        if (i == 0) {
            return 0;
        }
        int exponent = minExponent + (i - 1) / SUBS;
        int sub = (i - 1) % SUBS;
        return Math.scalb(1.0 + (double) sub / SUBS, exponent);
    }

    /** The first value above bucket {@code i} (its nominal range for the last bucket). */
    public double upperBound(int i) {
        check(i);
        if (i == 0) {
            return lowest;
        }
        int exponent = minExponent + (i - 1) / SUBS;
        return lowerBound(i) + Math.scalb(1.0 / SUBS, exponent);
    }

    /** What a sample in bucket {@code i} reads as: its midpoint, 0 for bucket 0. */
    public double midpoint(int i) {
        return i == 0 ? 0 : (lowerBound(i) + upperBound(i)) / 2;
    }

    /**
     * The {@code fraction} percentile ({@code percentile_cont}) of the samples counted in {@code counts} (bucket i at
     * index i; a shorter array means zeros above), or null when there are none.
     */
    public Double percentile(long[] counts, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction in [0, 1]: " + fraction);
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = fraction * (total - 1);
        long below = (long) Math.floor(rank);
        double lo = sample(counts, below);
        double hi = below + 1 < total ? sample(counts, below + 1) : lo;
        return lo + (rank - below) * (hi - lo);
    }

    /** The midpoint of the bucket holding the {@code k}-th smallest sample (0-based). */
    private double sample(long[] counts, long k) {
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > k) {
                return midpoint(Math.min(i, buckets - 1));
            }
        }
        throw new IllegalStateException("no sample " + k);
    }

    /** The four percentiles of {@link HealthRules#FRACTIONS}, or null when there are no samples. */
    public EndpointStats.Percentiles percentiles(long[] counts) {
        Double p50 = percentile(counts, HealthRules.FRACTIONS[0]);
        if (p50 == null) {
            return null;
        }
        return new EndpointStats.Percentiles(p50, percentile(counts, HealthRules.FRACTIONS[1]),
                percentile(counts, HealthRules.FRACTIONS[2]), percentile(counts, HealthRules.FRACTIONS[3]));
    }

    private void check(int i) {
        if (i < 0 || i >= buckets) {
            throw new IllegalArgumentException("bucket " + i + " outside 0.." + (buckets - 1));
        }
    }
}
