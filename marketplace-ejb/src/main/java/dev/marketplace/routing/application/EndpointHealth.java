package dev.marketplace.routing.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node has seen of each endpoint in real traffic: an endpoint whose upstream failed (no reply, timeout,
 * 429 or 5xx) in the last {@link #COOL_DOWN_NANOS} is tried only after the healthy ones. A success ends the cool-down
 * at once. In memory, per node; failures of the caller's own making (4xx) do not count against the endpoint.
 */
@ApplicationScoped
public class EndpointHealth {
    static final long COOL_DOWN_NANOS = 30_000_000_000L;

    private final Map<Long, Long> lastFailureNanos = new ConcurrentHashMap<>();

    public void failed(long endpointId) {
        lastFailureNanos.put(endpointId, System.nanoTime());
    }

    public void succeeded(long endpointId) {
        lastFailureNanos.remove(endpointId);
    }

    public boolean coolingDown(long endpointId) {
        return coolingDown(endpointId, System.nanoTime());
    }

    boolean coolingDown(long endpointId, long nowNanos) {
        Long failedAt = lastFailureNanos.get(endpointId);
        return failedAt != null && nowNanos - failedAt < COOL_DOWN_NANOS;
    }
}
