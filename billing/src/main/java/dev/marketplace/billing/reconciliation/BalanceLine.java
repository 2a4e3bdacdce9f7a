package dev.marketplace.billing.reconciliation;

import java.time.Instant;

/**
 * One Stripe balance transaction as reconciliation needs it, amounts in USD cents as Stripe reports them.
 *
 * @param sourceId the object that moved the money (charge, refund, dispute, transfer, ...)
 * @param parentId what that object belongs to: a charge's payment intent, a refund's charge, a transfer reversal's
 *                 transfer; null when none
 */
public record BalanceLine(String id, String type, String sourceId, String parentId, long amountCents,
                          long feeCents, Instant created) {

    public BalanceLine {
        if (id == null || id.isBlank() || type == null || created == null) {
            throw new IllegalArgumentException("balance transaction needs an id, type and creation time");
        }
    }
}
