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
    /** This event id was received before; nothing was done. */
    DUPLICATE_EVENT;

    /** The value of {@code stripe_event.outcome}. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
