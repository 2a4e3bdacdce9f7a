package dev.marketplace.billing.charges;

import dev.marketplace.billing.holds.HoldStatus;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles a usage charge on the caller's connection: posts the "usage" journal and settles the hold,
 * both in the caller's transaction. A repeated settle with the same key changes nothing.
 */
public final class ChargeWriter {

    public static final String KIND = "usage";

    private static final String LOCK_HOLD =
            "SELECT account_code, amount_micros, status FROM ledger_hold WHERE id = ? FOR UPDATE";

    private final LedgerWriter ledger = new LedgerWriter();
    private final HoldStore holds = new HoldStore();

    /**
     * Charges the developer's credit the gross: payee +share, fee account +fee.
     *
     * @return the split (also when the charge had already been settled under this key)
     * @throws IllegalStateException if the hold is unknown, belongs to another account, or is smaller
     *                               than the gross (the caller caps usage to the hold)
     */
    public FeeSplit settle(Connection connection, UsageCharge charge) throws SQLException {
        FeeSplit split = Money.split(charge.grossMicros(), charge.takeRateBps());
        String developerAccount = AccountCodes.developerCredit(charge.developerId());
        if (charge.holdId() != null) {
            lockAndCheckHold(connection, charge, developerAccount);
        }
        if (split.grossMicros() > 0 && !ledger.post(connection, journal(charge, split, developerAccount))) {
            return split; // already settled under this key: no second charge, no second release
        }
        if (charge.holdId() != null) {
            holds.close(connection, charge.holdId(), HoldStatus.SETTLED);
        }
        return split;
    }

    private static void lockAndCheckHold(Connection connection, UsageCharge charge, String developerAccount)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_HOLD)) {
            statement.setString(1, charge.holdId());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("unknown hold " + charge.holdId());
                }
                String heldAccount = rows.getString(1);
                long heldMicros = rows.getLong(2);
                if (!heldAccount.equals(developerAccount)) {
                    throw new IllegalStateException("hold " + charge.holdId() + " is on " + heldAccount
                            + ", not on " + developerAccount);
                }
                if (charge.grossMicros() > heldMicros) {
                    throw new IllegalStateException("gross " + charge.grossMicros() + " exceeds hold "
                            + charge.holdId() + " of " + heldMicros + " micros");
                }
            }
        }
    }

    /** The usage journal of a charge: developer credit -gross, payee +share, fee account +fee (zero amounts left out). */
    static JournalEntry journal(UsageCharge charge, FeeSplit split, String developerAccount) {
        List<Posting> postings = new ArrayList<>(3);
        postings.add(new Posting(developerAccount, -split.grossMicros()));
        if (split.shareMicros() != 0) {
            postings.add(new Posting(charge.payeeAccountCode(), split.shareMicros()));
        }
        if (split.feeMicros() != 0) {
            postings.add(new Posting(charge.feeAccountCode(), split.feeMicros()));
        }
        return new JournalEntry(charge.idempotencyKey(), KIND, memo(charge), null, postings);
    }

    /** The memo of a usage journal: the take rate, and the hold when the charge has one of its own. */
    public static String memo(UsageCharge charge) {
        return "usage at " + charge.takeRateBps() + " bps" + (charge.holdId() == null ? "" : ", hold " + charge.holdId());
    }
}
