package dev.marketplace.billing.reconciliation;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The correcting journal of a difference, without I/O: it moves the difference ({@link Difference#deltaMicros()})
 * between the side that was wrong and an account finance names (a default per component). Keyed
 * {@code recon:correction:<difference id>}, so a difference is corrected at most once.
 */
public final class Corrections {

    /** Where a correction parks money whose final owner finance decides later (cleared by a further journal). */
    public static final String SUSPENSE = "platform:recon:suspense";
    static final String KEY_PREFIX = "recon:correction:";
    private static final Pattern ACCOUNT = Pattern.compile(
            "developer:[1-9][0-9]{0,17}:credit|provider:[1-9][0-9]{0,17}:payable|platform:[a-z0-9:-]{1,80}");

    private Corrections() {
    }

    /** The account a correction of this difference posts against when finance names none. */
    public static String defaultCounterAccount(Difference d) {
        if (d.hintAccount() != null) {
            return d.hintAccount();
        }
        return d.component() == Component.FEE ? AccountCodes.STRIPE_FEES : SUSPENSE;
    }

    static String key(long differenceId) {
        return KEY_PREFIX + differenceId;
    }

    /**
     * Cash components: clearing −delta (cash at Stripe is negative on clearing), counter +delta. Usage: counter −delta
     * (the developer is charged what the usage record says), suspense +delta (payee share and take decided later).
     */
    static JournalEntry journal(Difference d, String counterAccount, String reason) {
        if (counterAccount == null || !ACCOUNT.matcher(counterAccount).matches()) {
            throw new ReconciliationException("not an account code: " + counterAccount);
        }
        long delta = d.deltaMicros();
        if (delta == 0) {
            throw new ReconciliationException("difference " + d.id() + " moves no money: mark it as timing instead");
        }
        String memo = "Reconciliation correction of difference " + d.id() + " (" + d.differenceClass().dbValue()
                + ", " + d.component().dbValue() + " " + d.joinKey() + "): " + reason;
        List<Posting> postings = d.component() == Component.USAGE
                ? List.of(new Posting(counterAccount, -delta), new Posting(SUSPENSE, delta))
                : List.of(new Posting(AccountCodes.STRIPE_CLEARING, -delta), new Posting(counterAccount, delta));
        if (postings.get(0).accountCode().equals(postings.get(1).accountCode())) {
            throw new ReconciliationException("the counter account must differ from " + counterAccount);
        }
        String externalRef = d.joinKey().length() <= JournalEntry.MAX_KEY_LENGTH ? d.joinKey() : null;
        return new JournalEntry(key(d.id()), "recon_" + d.component().dbValue(),
                memo.length() <= JournalEntry.MAX_MEMO_LENGTH ? memo : memo.substring(0, JournalEntry.MAX_MEMO_LENGTH),
                externalRef, postings);
    }
}
