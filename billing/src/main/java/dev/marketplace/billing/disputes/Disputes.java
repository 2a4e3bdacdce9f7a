package dev.marketplace.billing.disputes;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.payments.CreditedPayment;
import dev.marketplace.billing.payments.StripePayments;
import dev.marketplace.billing.payments.UsdCents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies disputes on the caller's connection and transaction. The {@code stripe_dispute} row keeps the last
 * reported state (a closed dispute stays closed, the first amount stands, the highest fee seen counts); the
 * journals follow from it, each posted once under its own key, under the payment's lock.
 */
public final class Disputes {

    private static final String REMEMBER = """
            INSERT INTO stripe_dispute (dispute_id, charge_id, payment_intent_id, amount_cents, fee_cents, status)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (dispute_id) DO UPDATE
               SET status = CASE WHEN stripe_dispute.status = 'open' THEN EXCLUDED.status
                                 ELSE stripe_dispute.status END,
                   fee_cents = GREATEST(stripe_dispute.fee_cents, EXCLUDED.fee_cents),
                   charge_id = COALESCE(stripe_dispute.charge_id, EXCLUDED.charge_id),
                   updated_at = now()""";
    private static final String DISPUTES_OF_PAYMENT = """
            SELECT dispute_id, amount_cents, fee_cents, status FROM stripe_dispute
             WHERE payment_intent_id = ? ORDER BY dispute_id""";

    private final StripePayments payments = new StripePayments();
    private final LedgerWriter writer = new LedgerWriter();

    private record DisputeState(String disputeId, long amountMicros, long feeMicros, DisputeStatus status) {
    }

    /** Remembers the dispute as reported and posts what it calls for, if its payment was credited. */
    public DisputeOutcome record(Connection connection, DisputeReport report) throws SQLException {
        payments.lock(connection, report.paymentIntentId());
        try (PreparedStatement statement = connection.prepareStatement(REMEMBER)) {
            statement.setString(1, report.disputeId());
            statement.setString(2, report.chargeId());
            statement.setString(3, report.paymentIntentId());
            statement.setLong(4, report.amountCents());
            statement.setLong(5, report.feeCents());
            statement.setString(6, report.status().dbValue());
            statement.executeUpdate();
        }
        return applyDisputes(connection, report.paymentIntentId());
    }

    /** Posts whatever the payment's disputes call for and is not posted yet. The caller holds the payment's lock. */
    public DisputeOutcome applyDisputes(Connection connection, String paymentIntentId) throws SQLException {
        Optional<CreditedPayment> credited = payments.find(connection, paymentIntentId);
        if (credited.isEmpty()) {
            return new DisputeOutcome(DisputeOutcome.Kind.PARKED, List.of(),
                    "payment " + paymentIntentId + " not credited yet: dispute applied when it is");
        }
        String account = AccountCodes.developerCredit(credited.get().developerId());
        List<String> posted = new ArrayList<>();
        for (DisputeState dispute : disputes(connection, paymentIntentId)) {
            post(connection, DisputeJournals.hold(dispute.disputeId(), account, dispute.amountMicros()), posted);
            if (dispute.status() == DisputeStatus.WON) {
                post(connection, DisputeJournals.won(dispute.disputeId(), account, dispute.amountMicros()), posted);
            } else if (dispute.status() == DisputeStatus.LOST) {
                post(connection, DisputeJournals.lost(dispute.disputeId(), dispute.amountMicros(),
                        dispute.feeMicros()), posted);
            }
        }
        return posted.isEmpty()
                ? new DisputeOutcome(DisputeOutcome.Kind.NOTHING_NEW, posted, "disputes of " + paymentIntentId
                        + " already booked")
                : new DisputeOutcome(DisputeOutcome.Kind.POSTED, posted, "posted " + String.join(", ", posted));
    }

    private void post(Connection connection, JournalEntry journal, List<String> posted) throws SQLException {
        if (writer.post(connection, journal)) {
            posted.add(journal.idempotencyKey());
        }
    }

    private static List<DisputeState> disputes(Connection connection, String paymentIntentId) throws SQLException {
        List<DisputeState> disputes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DISPUTES_OF_PAYMENT)) {
            statement.setString(1, paymentIntentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    disputes.add(new DisputeState(rows.getString(1), UsdCents.toMicros(rows.getLong(2)),
                            UsdCents.toMicros(rows.getLong(3)), DisputeStatus.fromDb(rows.getString(4))));
                }
            }
        }
        return disputes;
    }
}
