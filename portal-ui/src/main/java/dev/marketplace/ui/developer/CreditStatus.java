package dev.marketplace.ui.developer;

import dev.marketplace.ui.shell.Formats;

/**
 * What the banner on the developer's pages says about their credit: out (nothing left to spend: calls are refused
 * with 402), low (under {@link #LOW_MICROS}), or fine; with what to do about it.
 */
record CreditStatus(Level level, String message) {
    /** $1.00: below this a few calls to a large model can use up what is left. */
    static final long LOW_MICROS = 1_000_000;

    enum Level { OK, LOW, OUT }

    /** From the ledger balance and what is available after the holds of calls in flight, both in micro-USD. */
    static CreditStatus of(long balanceMicros, long availableMicros) {
        long spendable = Math.min(balanceMicros, availableMicros);
        String figures = "Balance " + Formats.usd(balanceMicros) + ", available " + Formats.usd(availableMicros) + ".";
        if (spendable <= 0) {
            return new CreditStatus(Level.OUT, figures + " You are out of credit: calls are refused (HTTP 402) "
                    + "until you buy more credits.");
        }
        if (spendable < LOW_MICROS) {
            return new CreditStatus(Level.LOW, figures + " Your credit is running low: buy more credits to keep "
                    + "your keys working.");
        }
        return new CreditStatus(Level.OK, figures);
    }
}
