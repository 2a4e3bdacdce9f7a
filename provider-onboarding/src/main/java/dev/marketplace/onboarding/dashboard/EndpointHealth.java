package dev.marketplace.onboarding.dashboard;

/**
 * One endpoint's health from its real traffic: uptime (ok ÷ (ok + error)) over 5 minutes, 30 minutes and a day (null
 * without calls), latency p50/p95 of the day's successful calls (ms, null without any), and the day's calls by
 * outcome class: upstream errors, calls the caller cancelled, and successes whose reported usage was above what the
 * call allowed (capped).
 */
public record EndpointHealth(long endpointId, String name, String status, Double uptimeLast5m, Double uptimeLast30m,
                             Double uptimeLast1d, Double latencyP50Ms, Double latencyP95Ms, long okLast1d,
                             long errorsLast1d, long cancelledLast1d, long cappedLast1d) {
}
