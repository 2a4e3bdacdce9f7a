package dev.marketplace.billing.reconciliation;

import java.util.Locale;

/** Where a difference stands; only {@link #OPEN} counts as unexplained. */
public enum DifferenceStatus {
    OPEN, CORRECTED, TIMING, CARRIED, CLEARED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DifferenceStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
