package dev.marketplace.systemtests.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a read until its answer satisfies a condition or time is up, for what the server makes visible in the
 * background (the endpoint stats, flushed every {@code market.stats.flush-seconds} and cached 5 s by their readers).
 * Returns the last answer either way: the caller's assertions then say what was wrong.
 */
public final class Eventually {
    /** Long enough for one stats flush and the readers' 5 s cache, with room for a busy machine. */
    public static final Duration ENDPOINT_STATS = Duration.ofSeconds(20);
    private static final long POLL_MS = 250;

    private Eventually() {
    }

    public static <T> T until(Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while polling", e);
            }
            value = read.get();
        }
        return value;
    }
}
