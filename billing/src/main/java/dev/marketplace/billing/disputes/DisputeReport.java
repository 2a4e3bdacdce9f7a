package dev.marketplace.billing.disputes;

/**
 * A dispute as one Stripe event reports it.
 *
 * @param chargeId    the disputed charge, or {@code null} if the event did not name it
 * @param amountCents the disputed amount in USD cents
 * @param feeCents    Stripe's dispute fee in cents as far as the event shows it (0 if none)
 */
public record DisputeReport(String disputeId, String chargeId, String paymentIntentId, long amountCents,
                            long feeCents, DisputeStatus status) {

    public DisputeReport {
        if (disputeId == null || disputeId.isBlank() || paymentIntentId == null || paymentIntentId.isBlank()) {
            throw new IllegalArgumentException("a dispute needs its id and its payment intent");
        }
        if (amountCents <= 0 || feeCents < 0) {
            throw new IllegalArgumentException("dispute " + disputeId + ": amount " + amountCents + ", fee "
                    + feeCents);
        }
    }
}
