package dev.marketplace.billing.reconciliation;

/** What one reconciliation run read and found. */
public record RunSummary(long runId, long periodId, long stripeTransactions, int stripePages, long ledgerJournals,
                         long usageRecords, long feesBooked, int differences, int unexplained, long elapsedMs) {
}
