package dev.marketplace.billing.disputes;

import java.util.Locale;

/** Where a dispute stands for the ledger. Stripe's other closed statuses (e.g. warning_closed) count as won. */
public enum DisputeStatus {
    OPEN, WON, LOST;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DisputeStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
