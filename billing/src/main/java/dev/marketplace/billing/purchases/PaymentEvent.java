package dev.marketplace.billing.purchases;

/**
 * A payment event whose signature has been verified, as billing needs it: the Stripe event id (the
 * deduplication key), its type and the raw JSON payload kept for audit.
 */
public sealed interface PaymentEvent permits CompletedCheckout, OtherPaymentEvent, ChargeRefunded, ChargeDisputed,
        PaymentIntentUpdate, SetupIntentSucceeded, TransferReversed {

    String eventId();

    String eventType();

    String payloadJson();
}
