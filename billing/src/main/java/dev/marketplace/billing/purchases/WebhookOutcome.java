package dev.marketplace.billing.purchases;

import java.util.Locale;

/** What receiving one payment event did; all but {@link #DUPLICATE_EVENT} are stored on the event's row. */
public enum WebhookOutcome {
    /** The session's amount was credited to its developer now. */
    CREDITED,
    /** The session had already been credited through another event. */
    ALREADY_CREDITED,
    /** A completed session whose payment is still pending (async payment methods). */
    AWAITING_PAYMENT,
    /** A Checkout event that cannot be credited (currency, developer, amount); logged with the reason. */
    IGNORED,
    /** An event type billing has no handler for. */
    UNHANDLED,
    /** A newly refunded amount was taken back from the developer's credit. */
    REFUNDED,
    /** A dispute step (hold, won, lost) was booked. */
    DISPUTE_BOOKED,
    /** A refund or dispute of a payment not credited yet: applied when the credit posts. */
    PARKED,
    /** A refund or dispute whose effect was booked before (a repeated or out-of-date event). */
    NOTHING_NEW,
    /** An auto top-up was credited now (a repeat is {@link #ALREADY_CREDITED}). */
    TOP_UP_CREDITED,
    /** An auto top-up failed (declined, or needs the card holder): auto top-up was turned off. */
    TOP_UP_FAILED,
    /** A payout's transfer was reversed: the newly reversed amount is back in the provider's payable. */
    TRANSFER_REVERSED,
    /** A card was saved for off-session charges. */
    CARD_SAVED,
    /** This event id was received before; nothing was done. */
    DUPLICATE_EVENT;

    /** The value of {@code stripe_event.outcome}. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
