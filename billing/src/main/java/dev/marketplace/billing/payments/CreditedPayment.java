package dev.marketplace.billing.payments;

/**
 * A payment intent whose money is in a developer's credit.
 *
 * @param creditedMicros what its journal credited to the developer
 * @param feeMicros      the purchase fee it included on top (0 if none); refunds never exceed credit + fee
 * @param journalKey     the idempotency key of the journal that credited it
 */
public record CreditedPayment(String paymentIntentId, long developerId, long creditedMicros, long feeMicros,
                              PaymentSource source, String journalKey) {

    public CreditedPayment {
        if (paymentIntentId == null || paymentIntentId.isBlank()) {
            throw new IllegalArgumentException("payment intent id is required");
        }
        if (developerId <= 0 || creditedMicros <= 0 || feeMicros < 0) {
            throw new IllegalArgumentException("developer id and credited amount must be positive, the fee not"
                    + " negative: " + developerId + ", " + creditedMicros + ", " + feeMicros);
        }
    }
}
