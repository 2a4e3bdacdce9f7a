package dev.marketplace.billing.approvals;

import java.time.Instant;

/** A finance request as stored; {@code status} is requested, approved or rejected. */
public record FinanceRequest(long id, RequestKind kind, long developerId, long amountMicros, String reason,
                             String requestedBy, Instant requestedAt, String status, String decidedBy,
                             Instant decidedAt, String outcome) {
}
