package dev.marketplace.onboarding.dashboard;

import java.time.Instant;

/**
 * A journal other than usage that moved the provider's payable: a payout (negative: the money left for the
 * provider's bank), its reversal (positive), or a correction. {@code externalRef} is e.g. the Stripe transfer id.
 */
public record LedgerLine(long journalId, String kind, String memo, String externalRef, Instant postedAt,
                         long amountMicros) {
}
