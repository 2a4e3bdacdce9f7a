package dev.marketplace.billing.payouts;

import java.time.Instant;

/**
 * A connected account's own bank payout ({@code payout.paid} / {@code payout.failed} on the Connect webhook): shown to
 * the provider and finance; it moves none of our money.
 *
 * @param status {@code paid} or {@code failed}
 */
public record ConnectPayout(String payoutId, String accountId, long amountCents, String currency, String status,
                            String failureMessage, Instant arrivalDate, String eventId, Instant updatedAt) {

    public ConnectPayout {
        if (payoutId == null || !payoutId.matches("po_[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a payout id: " + payoutId);
        }
        if (accountId == null || !accountId.matches("acct_[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a connected account id: " + accountId);
        }
        if (!"paid".equals(status) && !"failed".equals(status)) {
            throw new IllegalArgumentException("payout status must be paid or failed: " + status);
        }
    }
}
