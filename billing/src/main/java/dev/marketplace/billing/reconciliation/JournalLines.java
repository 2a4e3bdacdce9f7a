package dev.marketplace.billing.reconciliation;

import dev.marketplace.billing.ledger.Posting;
import java.time.Instant;
import java.util.List;

/** One journal with its postings, as finance opens it from a difference. */
public record JournalLines(String idempotencyKey, String kind, String memo, String externalRef, Instant createdAt,
                           List<Posting> postings) {
}
