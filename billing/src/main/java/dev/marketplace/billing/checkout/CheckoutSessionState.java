package dev.marketplace.billing.checkout;

import dev.marketplace.billing.purchases.CompletedCheckout;

/**
 * A Checkout Session as the provider reports it, in its own terms (raw client reference, minor units, metadata
 * as text), plus its JSON for the record.
 */
public record CheckoutSessionState(String id, String url, String status, String paymentStatus,
                                   String clientReferenceId, long amountTotalMinor, String currency,
                                   String paymentIntentId, String metadataCreditCents, String metadataFeeCents,
                                   String json) {

    /** The session as the success redirect reports it to billing.purchases. */
    public CompletedCheckout asRedirect() {
        return CompletedCheckout.fromRedirect(json, id, clientReferenceId, amountTotalMinor, currency, paymentStatus,
                paymentIntentId, metadataCreditCents, metadataFeeCents);
    }
}
