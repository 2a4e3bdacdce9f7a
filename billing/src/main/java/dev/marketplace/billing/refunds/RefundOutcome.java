package dev.marketplace.billing.refunds;

/**
 * What applying the refunds of one payment did.
 *
 * @param reversedMicros what was reversed now (0 unless {@link Kind#REVERSED})
 */
public record RefundOutcome(Kind kind, long reversedMicros, String note) {

    public enum Kind {
        /** A newly refunded amount was taken back from the developer's credit. */
        REVERSED,
        /** Everything refunded so far had been reversed already (a repeated or out-of-date event). */
        NOTHING_NEW,
        /** The payment has not been credited yet; the refund is applied when it is. */
        PARKED
    }
}
