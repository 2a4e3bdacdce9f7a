package dev.marketplace.billing.settlements;

import java.time.Instant;

/**
 * A settlement statement as stored. {@code due = carriedIn + net + adjustments}; {@code payout} is the due rounded
 * down to the cent once it reaches the minimum payout, else 0; the rest is carried into the next statement.
 */
public record Statement(long id, long providerId, String payeeAccount, Frequency frequency, Period period,
                        long requests, long grossMicros, long feeMicros, long netMicros, long adjustmentsMicros,
                        long carriedInMicros, long payoutMicros, long carriedOutMicros, long minimumPayoutMicros,
                        StatementStatus status, String createdBy, Instant createdAt, String preparedBy,
                        Instant preparedAt, String approvedBy, Instant approvedAt) {

    /** The journal kind of payouts: they pay earlier statements and are part of no period's due. */
    public static final String PAYOUT_JOURNAL_KIND = "payout";

    public long dueMicros() {
        return carriedInMicros + netMicros + adjustmentsMicros;
    }

    /** The transfer group (and the base of the idempotency key) of the statement's payout. */
    public String transferGroup() {
        return transferGroup(id);
    }

    public static String transferGroup(long statementId) {
        return "statement_" + statementId;
    }
}
