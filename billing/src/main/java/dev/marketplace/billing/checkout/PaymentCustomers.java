package dev.marketplace.billing.checkout;

/** Port to the payment provider's customers, implemented in billing.infrastructure.stripe. */
public interface PaymentCustomers {

    /**
     * Creates a customer for the developer. The provider deduplicates by {@code idempotencyKey}, so two concurrent
     * first purchases of one developer get the same customer.
     *
     * @return the provider's customer id
     */
    String create(long developerId, String email, String idempotencyKey);
}
