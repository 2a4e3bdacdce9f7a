package dev.marketplace.billing.settlements;

import java.time.LocalDate;

/**
 * One line of a statement: the usage of one model on one UTC day (sums of posted usage journals), or an adjustment
 * (another journal that moved the payable, e.g. a reversed transfer or a correction) with its reason.
 */
public record StatementLine(Kind kind, LocalDate day, String model, long requests, long promptTokens,
                            long completionTokens, long grossMicros, long feeMicros, long netMicros, String reason) {

    public enum Kind { USAGE, ADJUSTMENT }

    /** Shown for usage whose usage record is unknown (the journal is still counted). */
    public static final String UNATTRIBUTED = "(unattributed)";

    public StatementLine {
        if (grossMicros != Math.addExact(netMicros, feeMicros)) {
            throw new IllegalArgumentException("gross " + grossMicros + " != net " + netMicros + " + fee " + feeMicros);
        }
    }
}
