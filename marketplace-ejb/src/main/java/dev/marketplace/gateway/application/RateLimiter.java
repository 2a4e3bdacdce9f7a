package dev.marketplace.gateway.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Requests-per-minute limits of API keys, per node: a token bucket per key holding up to the key's per-minute
 * allowance and refilled continuously. In memory, no database work; with several nodes each enforces the limit on
 * its own share of the traffic (documented as such).
 */
@ApplicationScoped
public class RateLimiter {
    static final long MAX_KEYS = 200_000;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();

    /** 0 when the call may go ahead (one token taken), else the whole seconds to wait before the next token. */
    public long acquire(long keyId, int requestsPerMinute) {
        return buckets.get(keyId, id -> new Bucket(requestsPerMinute)).take(requestsPerMinute, System.nanoTime());
    }

    /** Tokens are counted in nanos of refill time: one token = a minute divided by the allowance. */
    static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(int capacity) {
            this.tokens = capacity;
            this.lastNanos = System.nanoTime();
        }

        synchronized long take(int perMinute, long nowNanos) {
            double perNano = perMinute / (double) NANOS_PER_MINUTE;
            tokens = Math.min(perMinute, tokens + (nowNanos - lastNanos) * perNano);
            lastNanos = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
