package dev.marketplace.billing.reconciliation;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.payments.UsdCents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Books Stripe's processing fee of each charge from its balance transaction, once per charge: journal
 * {@code stripe:fee:<charge>} (clearing +fee: the cash Stripe kept; {@code platform:stripe:fees} −fee: the expense)
 * and a {@code stripe_fee_booking} row that dates the fee when Stripe took it, never inside a closed period. The
 * first booking of a charge stands: a fee booked with another amount stays and reconciliation reports it.
 */
public final class StripeFees {

    public static final String KIND = "stripe_fee";
    static final String KEY_PREFIX = "stripe:fee:";

    private static final String INSERT = """
            INSERT INTO stripe_fee_booking (charge_id, balance_transaction_id, fee_micros, effective_at, journal_key)
            VALUES (?, ?, ?, GREATEST(?, COALESCE(recon_closed_until(), '-infinity'::timestamptz)), ?)
            ON CONFLICT (charge_id) DO NOTHING""";

    private final LedgerWriter writer = new LedgerWriter();

    /** Books the fee of a charge's balance transaction if it has one and it is not booked yet. */
    public boolean bookFrom(Connection connection, BalanceLine line) throws SQLException {
        boolean charge = "charge".equals(line.type()) || "payment".equals(line.type());
        if (!charge || line.feeCents() <= 0 || line.sourceId() == null) {
            return false;
        }
        return book(connection, line.sourceId(), line.id(), UsdCents.toMicros(line.feeCents()), line.created());
    }

    /** @return {@code false} if the charge's fee was booked before (nothing is written then) */
    public boolean book(Connection connection, String chargeId, String balanceTransactionId, long feeMicros,
                        Instant takenAt) throws SQLException {
        String key = KEY_PREFIX + chargeId;
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, chargeId);
            statement.setString(2, balanceTransactionId);
            statement.setLong(3, feeMicros);
            statement.setTimestamp(4, Timestamp.from(takenAt));
            statement.setString(5, key);
            if (statement.executeUpdate() == 0) {
                return false;
            }
        }
        return writer.post(connection, new JournalEntry(key, KIND, "Stripe processing fee of charge " + chargeId
                + " (balance transaction " + balanceTransactionId + ")", chargeId, java.util.List.of(
                        new Posting(AccountCodes.STRIPE_CLEARING, feeMicros),
                        new Posting(AccountCodes.STRIPE_FEES, -feeMicros))));
    }
}
