package dev.marketplace.metering.domain;

/** How a generation ended: served, failed (never charged) or cut off by the client (charged for what was delivered). */
public enum UsageStatus {
    OK, ERROR, CANCELLED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
