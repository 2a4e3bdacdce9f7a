package dev.marketplace.billing.payouts;

import java.util.Locale;

/** claimed (before Stripe answered) → created (journal posted) → reversed (Stripe reversed the transfer). */
public enum PayoutStatus {
    CLAIMED, CREATED, REVERSED;

    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PayoutStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
