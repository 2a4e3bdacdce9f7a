package dev.marketplace.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsItsMinuteThenAsksToWaitForTheNextToken() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(3);
        long t = System.nanoTime();
        assertEquals(0, bucket.take(3, t));
        assertEquals(0, bucket.take(3, t));
        assertEquals(0, bucket.take(3, t));
        assertEquals(20, bucket.take(3, t), "3 per minute: the next token comes in 20 s");
        assertEquals(10, bucket.take(3, t + 10 * SECOND), "half of it has refilled");
        assertEquals(0, bucket.take(3, t + 20 * SECOND));
    }

    @Test
    void refillNeverExceedsTheAllowance() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(2);
        long t = System.nanoTime();
        long later = t + 3_600 * SECOND;
        assertEquals(0, bucket.take(2, later));
        assertEquals(0, bucket.take(2, later));
        assertEquals(30, bucket.take(2, later), "an hour idle still holds only two tokens");
    }
}
