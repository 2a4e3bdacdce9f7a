package dev.marketplace.billing.purchases;

import java.time.Instant;

/**
 * One credit purchase as the history and the receipt show it. Amounts in USD cents, as Stripe charged them.
 *
 * @param status {@code open} (Checkout started, not paid yet) or {@code paid} (credited)
 */
public record PurchaseRecord(String sessionId, long developerId, long creditCents, long feeCents, long totalCents,
                             String status, String paymentIntentId, Instant createdAt, Instant paidAt) {

    public boolean isPaid() {
        return "paid".equals(status);
    }
}
