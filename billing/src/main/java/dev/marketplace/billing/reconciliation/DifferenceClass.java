package dev.marketplace.billing.reconciliation;

import java.util.Locale;

/** Why the two sides of one join key disagree within a period. */
public enum DifferenceClass {
    /** Stripe moved cash that no journal records. */
    MISSING_IN_LEDGER,
    /** A journal moved the clearing account for cash Stripe never moved. */
    MISSING_AT_STRIPE,
    /** Both sides have it, for different amounts. */
    AMOUNT_DIFFERS,
    /** Both sides have it, for the same amount, on either side of the period boundary. */
    TIMING,
    /** A charged usage record has no usage journal. */
    USAGE_WITHOUT_JOURNAL,
    /** A usage journal has no usage record. */
    JOURNAL_WITHOUT_USAGE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DifferenceClass fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
