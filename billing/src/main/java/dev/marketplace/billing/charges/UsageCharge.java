package dev.marketplace.billing.charges;

import dev.marketplace.billing.money.Money;

/**
 * The charge for one metered call. The idempotency key (e.g. the usage record id) becomes the journal's
 * key; {@code holdId} is the hold placed before the call, or {@code null} when there is none.
 */
public record UsageCharge(String idempotencyKey, String holdId, long developerId, String payeeAccountCode,
                          String feeAccountCode, long grossMicros, int takeRateBps) {

    public UsageCharge {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("usage charge needs an idempotency key");
        }
        if (payeeAccountCode == null || payeeAccountCode.isBlank()
                || feeAccountCode == null || feeAccountCode.isBlank()) {
            throw new IllegalArgumentException("usage charge needs payee and fee accounts");
        }
        if (grossMicros < 0) {
            throw new IllegalArgumentException("gross must not be negative: " + grossMicros);
        }
        if (takeRateBps < 0 || takeRateBps > Money.MAX_BPS) {
            throw new IllegalArgumentException("takeRateBps must be 0.." + Money.MAX_BPS + ": " + takeRateBps);
        }
    }
}
