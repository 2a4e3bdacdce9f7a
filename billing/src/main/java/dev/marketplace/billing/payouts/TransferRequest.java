package dev.marketplace.billing.payouts;

/**
 * A transfer to create: USD cents to a connected account, grouped by statement, under an idempotency key.
 *
 * @param sourceTransaction a charge id whose pending funds pay it, or {@code null}
 */
public record TransferRequest(long amountCents, String destination, String transferGroup, String sourceTransaction,
                              String idempotencyKey, long statementId) {

    public TransferRequest {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("transfer amount must be positive: " + amountCents);
        }
        if (destination == null || !destination.matches("acct_[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a connected account id: " + destination);
        }
    }
}
