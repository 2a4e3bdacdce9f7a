package dev.marketplace.activity.application;

/** What the activity charts split each day's usage by. */
public enum Breakdown {
    MODEL("Model"),
    KEY("Key"),
    METADATA("Metadata tag");

    private final String label;

    Breakdown(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
