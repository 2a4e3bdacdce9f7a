package dev.marketplace.routing.application;

import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each endpoint's capacity limits on this node: calls in flight ({@code max_concurrency}; 0 means drained) and
 * requests per minute ({@code max_requests_per_minute}, a token bucket). In memory, no database work; with several
 * nodes each enforces the limits on its own share of the traffic, as the key rate limit does.
 */
@ApplicationScoped
public class EndpointCapacity {
    /** What a concurrency-limited endpoint's caller is told to wait: a slot usually frees within a second. */
    static final long CONCURRENCY_RETRY_AFTER_SECONDS = 1;

    private static final Permit UNLIMITED = () -> { };

    private final Map<Long, Slots> slots = new ConcurrentHashMap<>();

    /** A taken slot; {@link #release()} gives it back (once, whatever the number of calls). */
    public interface Permit {
        void release();
    }

    /** A slot for one call, or null when the endpoint is at capacity (nothing taken then). */
    public Permit tryAcquire(Route.Endpoint endpoint) {
        if (unlimited(endpoint)) {
            return UNLIMITED; // no shared counter to contend on for the common case
        }
        return slots(endpoint).tryAcquire(endpoint, System.nanoTime());
    }

    /** Whether a call could start now (a peek: nothing is taken). */
    public boolean hasRoom(Route.Endpoint endpoint) {
        return unlimited(endpoint) || slots(endpoint).hasRoom(endpoint, System.nanoTime());
    }

    private static boolean unlimited(Route.Endpoint endpoint) {
        return endpoint.maxConcurrency() == null && endpoint.maxRequestsPerMinute() == null;
    }

    /** False for a drained endpoint (capacity 0): waiting does not help. */
    public static boolean canEverServe(Route.Endpoint endpoint) {
        return endpoint.maxConcurrency() == null || endpoint.maxConcurrency() > 0;
    }

    /** The shortest wait, in whole seconds (at least 1), after which one of these endpoints may have room. */
    public long retryAfterSeconds(List<Route> routes) {
        long best = Long.MAX_VALUE;
        long now = System.nanoTime();
        for (Route r : routes) {
            if (canEverServe(r.endpoint())) {
                best = Math.min(best, slots(r.endpoint()).waitSeconds(r.endpoint(), now));
            }
        }
        return best == Long.MAX_VALUE ? CONCURRENCY_RETRY_AFTER_SECONDS : Math.max(1, best);
    }

    /** The wait, in whole seconds (at least 1), after which this endpoint may have room. */
    public long retryAfterSeconds(Route.Endpoint endpoint) {
        return Math.max(1, slots(endpoint).waitSeconds(endpoint, System.nanoTime()));
    }

    private Slots slots(Route.Endpoint endpoint) {
        return slots.computeIfAbsent(endpoint.id(), id -> new Slots());
    }

    /** One endpoint's calls in flight and its per-minute bucket. */
    static final class Slots {
        private static final long NANOS_PER_MINUTE = 60_000_000_000L;
        private final AtomicInteger inFlight = new AtomicInteger();
        private double tokens = -1; // -1: not started (full on first use)
        private long lastNanos;

        Permit tryAcquire(Route.Endpoint e, long nowNanos) {
            Integer max = e.maxConcurrency();
            while (true) {
                int current = inFlight.get();
                if (max != null && current >= max) {
                    return null;
                }
                if (inFlight.compareAndSet(current, current + 1)) {
                    break;
                }
            }
            if (e.maxRequestsPerMinute() != null && !takeToken(e.maxRequestsPerMinute(), nowNanos)) {
                inFlight.decrementAndGet();
                return null;
            }
            AtomicBoolean released = new AtomicBoolean();
            return () -> {
                if (released.compareAndSet(false, true)) {
                    inFlight.decrementAndGet();
                }
            };
        }

        boolean hasRoom(Route.Endpoint e, long nowNanos) {
            Integer max = e.maxConcurrency();
            if (max != null && inFlight.get() >= max) {
                return false;
            }
            return e.maxRequestsPerMinute() == null || tokensNow(e.maxRequestsPerMinute(), nowNanos) >= 1;
        }

        long waitSeconds(Route.Endpoint e, long nowNanos) {
            Integer max = e.maxConcurrency();
            long wait = max != null && inFlight.get() >= max ? CONCURRENCY_RETRY_AFTER_SECONDS : 0;
            if (e.maxRequestsPerMinute() != null) {
                int perMinute = e.maxRequestsPerMinute();
                double missing = 1 - tokensNow(perMinute, nowNanos);
                if (missing > 0) {
                    double nanos = missing * NANOS_PER_MINUTE / perMinute;
                    wait = Math.max(wait, (long) Math.ceil(nanos / 1_000_000_000d));
                }
            }
            return wait;
        }

        private synchronized boolean takeToken(int perMinute, long nowNanos) {
            tokens = tokensNow(perMinute, nowNanos);
            lastNanos = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        private synchronized double tokensNow(int perMinute, long nowNanos) {
            if (tokens < 0) {
                return perMinute;
            }
            return Math.min(perMinute, tokens + (nowNanos - lastNanos) * (perMinute / (double) NANOS_PER_MINUTE));
        }
    }
}
