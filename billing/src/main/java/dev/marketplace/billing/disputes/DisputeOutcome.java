package dev.marketplace.billing.disputes;

import java.util.List;

/**
 * What applying the disputes of one payment did.
 *
 * @param postedKeys the journals posted now (hold, won or lost), in order
 */
public record DisputeOutcome(Kind kind, List<String> postedKeys, String note) {

    public DisputeOutcome {
        postedKeys = List.copyOf(postedKeys);
    }

    public enum Kind {
        /** At least one journal was posted now. */
        POSTED,
        /** Everything the disputes call for was posted already. */
        NOTHING_NEW,
        /** The payment has not been credited yet; the dispute is applied when it is. */
        PARKED
    }
}
