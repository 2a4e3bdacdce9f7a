package dev.marketplace.billing.payouts;

/**
 * A test-only fault hook: called after Stripe created (or returned) the transfer and before the payout's journal
 * commits, so a test can make the run die exactly there. Production uses {@link #NONE}.
 */
@FunctionalInterface
public interface PayoutFaults {

    PayoutFaults NONE = (statementId, transferId) -> { };

    void afterTransfer(long statementId, String transferId);
}
