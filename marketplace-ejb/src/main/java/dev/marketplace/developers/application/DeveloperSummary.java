package dev.marketplace.developers.application;

/** What the portal shows at the top of a developer's page: who, and how much credit is left, in micro-USD. */
public record DeveloperSummary(long developerId, String username, long balanceMicros, long availableMicros) {
}
