package dev.marketplace.billing.payouts;

import dev.marketplace.billing.ledger.LedgerWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code transfer.reversed} on the caller's connection and transaction: the newly reversed part of a payout's
 * transfer goes back from stripe:clearing to the provider's payable, so the next statement pays it again. Stripe's
 * {@code amount_reversed} is cumulative; the journal is keyed by it, so repeats post nothing.
 */
public final class TransferReversals {

    private final PayoutStore payouts = new PayoutStore();
    private final LedgerWriter ledger = new LedgerWriter();

    /** What a reversal event did. */
    public record Outcome(boolean posted, String note) {
    }

    public Outcome record(Connection c, String transferId, long amountReversedCents) throws SQLException {
        Optional<Payout> found = payouts.findByTransfer(c, transferId);
        if (found.isEmpty()) {
            return new Outcome(false, "transfer " + transferId + " pays no statement of ours");
        }
        Payout payout = found.get();
        long cumulative = Math.min(amountReversedCents, payout.amountCents());
        long newly = cumulative - payout.reversedCents();
        if (newly <= 0) {
            return new Outcome(false, "transfer " + transferId + ": " + cumulative + " cents reversed before");
        }
        boolean posted = ledger.post(c, PayoutJournals.reversal(transferId, payout.providerId(), payout.statementId(),
                newly, cumulative));
        payouts.reversed(c, payout.statementId(), cumulative);
        return new Outcome(posted, "transfer " + transferId + ": " + newly + " cents back in provider "
                + payout.providerId() + "'s payable");
    }
}
