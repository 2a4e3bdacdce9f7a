package dev.marketplace.billing.topup;

/**
 * What the payment provider answered to an off-session charge.
 *
 * @param paymentIntentId     the payment intent, or {@code null} if none was created (e.g. a bad request)
 * @param amountReceivedCents what was received, for {@link Status#SUCCEEDED}
 * @param failure             why it did not succeed, in words for the developer, for the failed statuses
 */
public record ChargeResult(Status status, String paymentIntentId, long amountReceivedCents, String failure) {

    /** Why a charge that needs the card holder failed, in words for the developer. */
    public static final String NEEDS_AUTHENTICATION =
            "Your bank asked to confirm the payment (3-D Secure), which cannot be done off-session.";

    public enum Status {
        /** Paid now: credit it. */
        SUCCEEDED,
        /** Accepted, outcome later by webhook. */
        PROCESSING,
        /** The bank wants the card holder (3-D Secure): cannot be done off-session. */
        REQUIRES_ACTION,
        /** The card was declined (or the charge was refused). */
        DECLINED;

        public boolean failed() {
            return this == REQUIRES_ACTION || this == DECLINED;
        }
    }
}
