package dev.marketplace.billing.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code stripe_payment} table on the caller's connection, and the transaction-scoped lock per payment
 * intent. Whoever changes what a payment did to the ledger (crediting it, reversing a refund, holding a dispute)
 * takes {@link #lock} first, so a refund and the purchase it refunds never miss each other when they race.
 */
public final class StripePayments {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";
    private static final String INSERT = """
            INSERT INTO stripe_payment (payment_intent_id, developer_id, credited_micros, fee_micros, source,
                                        journal_key)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (payment_intent_id) DO NOTHING""";
    private static final String FIND = """
            SELECT developer_id, credited_micros, fee_micros, source, journal_key FROM stripe_payment
             WHERE payment_intent_id = ?""";

    /** Waits for, then holds until the transaction ends, the lock of this payment intent. */
    public void lock(Connection connection, String paymentIntentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, "stripe-payment:" + paymentIntentId);
            statement.execute();
        }
    }

    /**
     * Records whose credit the payment is; the caller holds the payment's lock.
     *
     * @return {@code false} if the payment was recorded before (the first record stands)
     */
    public boolean record(Connection connection, CreditedPayment payment) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, payment.paymentIntentId());
            statement.setLong(2, payment.developerId());
            statement.setLong(3, payment.creditedMicros());
            statement.setLong(4, payment.feeMicros());
            statement.setString(5, payment.source().dbValue());
            statement.setString(6, payment.journalKey());
            return statement.executeUpdate() == 1;
        }
    }

    /** The credited payment, or empty while its credit has not been posted. */
    public Optional<CreditedPayment> find(Connection connection, String paymentIntentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, paymentIntentId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CreditedPayment(paymentIntentId, rows.getLong(1), rows.getLong(2),
                        rows.getLong(3), PaymentSource.valueOf(rows.getString(4).toUpperCase(Locale.ROOT)),
                        rows.getString(5)));
            }
        }
    }
}
