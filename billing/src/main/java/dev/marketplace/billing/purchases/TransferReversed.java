package dev.marketplace.billing.purchases;

/**
 * {@code transfer.reversed}: a payout's transfer was reversed (wholly or in part) at Stripe.
 *
 * @param amountReversedCents the CUMULATIVE reversed amount of the transfer
 */
public record TransferReversed(String eventId, String eventType, String payloadJson, String transferId,
                               long amountReversedCents) implements PaymentEvent {

    public static final String TYPE = "transfer.reversed";

    public TransferReversed {
        PaymentEvents.requireEnvelope(eventId, eventType, payloadJson);
        if (transferId == null || transferId.isBlank()) {
            throw new IllegalArgumentException("transfer.reversed event " + eventId + " has no transfer id");
        }
    }
}
