package dev.marketplace.onboarding.verification.domain;

/** The checks of a probe run, in the order they are shown and ticked off. */
public enum Check {
    PROTOCOL("protocol", "Speaks its protocol"),
    COMPLETION("completion", "Answers a completion"),
    STREAMING("streaming", "Streams a completion"),
    USAGE("usage", "Reports usage within ±35% of the tokenizer"),
    LATENCY("latency", "Latency");

    private final String id;
    private final String title;

    Check(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The stable name stored in {@code details[].check}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Check byId(String id) {
        for (Check check : values()) {
            if (check.id.equals(id)) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown probe check: " + id);
    }
}
