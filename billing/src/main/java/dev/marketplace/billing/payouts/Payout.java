package dev.marketplace.billing.payouts;

import java.time.Instant;

/** The payout of one statement as stored in {@code payout_transfer}. */
public record Payout(long statementId, long providerId, String destination, long amountCents, String idempotencyKey,
                     String sourceTransaction, String transferId, PayoutStatus status, long reversedCents,
                     String paidBy, Instant createdAt) {
}
