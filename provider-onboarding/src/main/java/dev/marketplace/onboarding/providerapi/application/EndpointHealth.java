package dev.marketplace.onboarding.providerapi.application;

import java.util.Map;

/**
 * Health of one endpoint from its real traffic (all its listings' usage records): uptime over 5 minutes, 30 minutes
 * and a day (null when the window saw no counted call; see {@code catalog.stats.HealthRules#uptime}), latency p50 and
 * p95 in ms over the last 30 minutes' successful calls (null without any), and the last day's error classes by count.
 */
public record EndpointHealth(long endpointId, String name, String status, Double uptimeLast5m, Double uptimeLast30m,
                             Double uptimeLast1d, Double latencyP50Ms, Double latencyP95Ms, long requestsLast1d,
                             Map<String, Long> errorClassesLast1d) {
}
