package dev.marketplace.billing.settlements;

import java.util.Locale;

/**
 * draft (made by a run) → prepared (checked by one finance user) → approved (by another) → paid (transfer created).
 * platform: a provider the platform operates, reported only.
 */
public enum StatementStatus {
    DRAFT, PREPARED, APPROVED, PAID, PLATFORM;

    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatementStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
