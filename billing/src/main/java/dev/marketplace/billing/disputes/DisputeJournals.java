package dev.marketplace.billing.disputes;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import java.util.ArrayList;
import java.util.List;

/** The journals of a dispute, without I/O: one per step, keyed {@code stripe:dispute:<id>:<step>}. */
final class DisputeJournals {

    /** Stripe's dispute fees, an expense of the platform (negative as it grows, as cash is). */
    static final String DISPUTE_FEES = "platform:disputes:fees";
    static final String HOLD_KIND = "dispute_hold";
    static final String WON_KIND = "dispute_won";
    static final String LOST_KIND = "dispute_lost";

    private DisputeJournals() {
    }

    static String key(String disputeId, String step) {
        return "stripe:dispute:" + disputeId + ":" + step;
    }

    /** Developer credit −amount, disputes +amount: the money is no longer spendable while contested. */
    static JournalEntry hold(String disputeId, String account, long amountMicros) {
        return new JournalEntry(key(disputeId, "hold"), HOLD_KIND, "Stripe dispute " + disputeId
                + " opened: " + amountMicros + " micros held", disputeId, List.of(
                        new Posting(account, -amountMicros),
                        new Posting(AccountCodes.DISPUTES, amountMicros)));
    }

    /** Disputes −amount, developer credit +amount: won, the money is the developer's again. */
    static JournalEntry won(String disputeId, String account, long amountMicros) {
        return new JournalEntry(key(disputeId, "won"), WON_KIND, "Stripe dispute " + disputeId
                + " won: " + amountMicros + " micros released", disputeId, List.of(
                        new Posting(AccountCodes.DISPUTES, -amountMicros),
                        new Posting(account, amountMicros)));
    }

    /** Disputes −amount, cash leaves Stripe (clearing +amount +fee), the fee is an expense (fees −fee). */
    static JournalEntry lost(String disputeId, long amountMicros, long feeMicros) {
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(AccountCodes.DISPUTES, -amountMicros));
        postings.add(new Posting(AccountCodes.STRIPE_CLEARING, Math.addExact(amountMicros, feeMicros)));
        if (feeMicros > 0) {
            postings.add(new Posting(DISPUTE_FEES, -feeMicros));
        }
        return new JournalEntry(key(disputeId, "lost"), LOST_KIND, "Stripe dispute " + disputeId + " lost: "
                + amountMicros + " micros and a fee of " + feeMicros, disputeId, postings);
    }
}
