package dev.marketplace.billing.purchases;

/** A Checkout purchase as credited: who bought how much credit, for what fee, paid by which payment intent. */
record PaidPurchase(String sessionId, long developerId, long creditCents, long feeCents, String paymentIntentId) {
}
