package dev.marketplace.billing.settlements;

/**
 * A provider as settlement needs it. A provider the platform operates (the simulator) had its share posted to
 * platform revenue at charge time: it is reported, never paid.
 */
public record SettlementPayee(long providerId, String name, boolean platformOperated) {
}
