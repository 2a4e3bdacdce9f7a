package dev.marketplace.billing.payouts;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.settlements.Statement;
import java.util.List;

/**
 * The journals of payouts. Paying moves the provider's payable to {@code platform:stripe:clearing} (cash leaves the
 * platform's Stripe balance, so clearing, negative as cash grows, goes up); a reversal moves it back.
 */
public final class PayoutJournals {

    public static final String PAYOUT_KIND = Statement.PAYOUT_JOURNAL_KIND;
    public static final String REVERSAL_KIND = "transfer_reversal";
    static final long MICROS_PER_CENT = 10_000;

    private PayoutJournals() {
    }

    public static String payoutKey(long statementId) {
        return "payout:statement:" + statementId;
    }

    static JournalEntry payout(long statementId, long providerId, long amountCents, String transferId) {
        long micros = Math.multiplyExact(amountCents, MICROS_PER_CENT);
        return new JournalEntry(payoutKey(statementId), PAYOUT_KIND, "payout of statement " + statementId
                + " by transfer " + transferId, transferId, List.of(
                new Posting(AccountCodes.providerPayable(providerId), -micros),
                new Posting(AccountCodes.STRIPE_CLEARING, micros)));
    }

    /** Keyed by the cumulative reversed amount, so a repeated or out-of-date event posts nothing new. */
    static JournalEntry reversal(String transferId, long providerId, long statementId, long newlyReversedCents,
                                 long cumulativeCents) {
        long micros = Math.multiplyExact(newlyReversedCents, MICROS_PER_CENT);
        return new JournalEntry("transfer-reversal:" + transferId + ":" + cumulativeCents, REVERSAL_KIND,
                "transfer " + transferId + " of statement " + statementId + " reversed at Stripe: back in payable, paid"
                        + " with the next statement", transferId, List.of(
                new Posting(AccountCodes.STRIPE_CLEARING, -micros),
                new Posting(AccountCodes.providerPayable(providerId), micros)));
    }
}
