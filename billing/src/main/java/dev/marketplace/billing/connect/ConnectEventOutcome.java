package dev.marketplace.billing.connect;

/** What became of one Connect event, kept on its {@code stripe_connect_event} row. */
public record ConnectEventOutcome(Kind kind, String note) {

    /** Applied, deliberately ignored (stale, unknown account), no handler, or received before. */
    public enum Kind {
        APPLIED, IGNORED, UNHANDLED, DUPLICATE;

        String columnValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ConnectEventOutcome applied(String note) {
        return new ConnectEventOutcome(Kind.APPLIED, note);
    }

    public static ConnectEventOutcome ignored(String note) {
        return new ConnectEventOutcome(Kind.IGNORED, note);
    }
}
