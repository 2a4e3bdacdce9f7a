package dev.marketplace.billing.topup;

/**
 * One off-session charge to make: {@code amountCents} USD on the developer's saved card. The idempotency key is
 * derived from the developer and the crossing, so a retry after a crash is the same charge for the provider.
 */
public record OffSessionCharge(long developerId, long crossing, long amountCents, String customerId,
                               String paymentMethodId) {

    public static final String PURPOSE = "auto_top_up";

    public String idempotencyKey() {
        return "auto-top-up:" + developerId + ":" + crossing;
    }
}
