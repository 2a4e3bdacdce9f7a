package dev.marketplace.billing.ledger;

/**
 * Result of checking the ledger: journals that are not balanced (fewer than 2 postings or a non-zero sum),
 * accounts whose cached balance or held amount disagrees with the postings or the open holds, and the
 * global sum of all postings, which double entry keeps at zero.
 */
public record InvariantReport(long unbalancedJournals, long mismatchedBalances, long postingsSumMicros) {

    public boolean ok() {
        return unbalancedJournals == 0 && mismatchedBalances == 0 && postingsSumMicros == 0;
    }
}
