package dev.marketplace.stripestub;

import java.util.HashMap;
import java.util.Map;

/**
 * Stripe-looking ids that are deterministic: {@code <prefix>_<seed><counter>} with one counter per prefix, e.g.
 * {@code cs_test_k3x9a0000000001}. The seed keeps a restarted stub from repeating ids a database has seen.
 */
final class Ids {

    private final String seed;
    private final Map<String, Long> counters = new HashMap<>();

    Ids(String seed) {
        this.seed = seed;
    }

    synchronized String next(String prefix) {
        long n = counters.merge(prefix, 1L, Long::sum);
        return prefix + "_" + seed + String.format("%010d", n);
    }
}
