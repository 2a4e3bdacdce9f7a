package dev.marketplace.billing.holds;

/** Life of a hold: open, then exactly one of settled (charged) or released (given back). */
public enum HoldStatus {
    OPEN("open"),
    SETTLED("settled"),
    RELEASED("released");

    private final String dbValue;

    HoldStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code ledger_hold.status}. */
    public String dbValue() {
        return dbValue;
    }
}
