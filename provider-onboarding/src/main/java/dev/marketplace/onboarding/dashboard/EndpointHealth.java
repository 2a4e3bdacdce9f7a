package dev.marketplace.onboarding.dashboard;

/**
 * One endpoint's health from its real traffic: uptime (ok ÷ (ok + error)) over 5 minutes, 30 minutes and a day (null
 * without calls), latency p50/p95 of the last 30 minutes' successful calls (ms, within 6.25%, null without any), and
 * the day's calls by outcome class: upstream errors, calls the caller cancelled, and calls whose reported usage was
 * above what the call allowed (capped).
 */
public record EndpointHealth(long endpointId, String name, String status, Double uptimeLast5m, Double uptimeLast30m,
                             Double uptimeLast1d, Double latencyP50Ms, Double latencyP95Ms, long okLast1d,
                             long errorsLast1d, long cancelledLast1d, long cappedLast1d) {
}
