package dev.marketplace.routing.domain;

/**
 * How fast a listing has been in real traffic (medians over the last 30 minutes): completion tokens per second and
 * latency in milliseconds, null when there was nothing to measure. Sorting by throughput or latency puts listings
 * with a measure before those without.
 */
public record EndpointSpeed(Double throughputTokensPerSecond, Double latencyMs) {
    public static final EndpointSpeed UNKNOWN = new EndpointSpeed(null, null);
}
