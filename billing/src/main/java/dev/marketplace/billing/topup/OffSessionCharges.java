package dev.marketplace.billing.topup;

/**
 * Port to the payment provider: charge a saved card without the card holder present (Stripe: a PaymentIntent
 * created and confirmed with {@code off_session=true}). Implemented in billing.infrastructure.stripe.
 */
public interface OffSessionCharges {

    /**
     * Makes the charge, or returns the one made before with the same idempotency key.
     *
     * @throws RuntimeException if the provider could not be reached or answered with an error that is not about
     *                          the card; the caller retries later with the same key
     */
    ChargeResult charge(OffSessionCharge charge);
}
