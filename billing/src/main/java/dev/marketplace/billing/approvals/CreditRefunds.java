package dev.marketplace.billing.approvals;

/** Stripe refunds of a payment, for refunds of unused credit; implemented in billing.infrastructure.stripe. */
@FunctionalInterface
public interface CreditRefunds {

    /** Refunds {@code amountCents} of the payment intent under the idempotency key; returns Stripe's refund id. */
    String refund(String paymentIntentId, long amountCents, String idempotencyKey, String reason);
}
