package dev.marketplace.billing.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code credit_purchase} table on the caller's connection: a row when a Checkout Session is started, marked
 * paid in the transaction that posts the purchase journal (or written then, for a session started elsewhere).
 */
public final class PurchaseBook {

    public static final int MAX_PAGE = 100;

    private static final String INSERT_OPEN = """
            INSERT INTO credit_purchase (session_id, developer_id, credit_cents, fee_cents, total_cents, currency, status)
            VALUES (?, ?, ?, ?, ?, 'usd', 'open')
            ON CONFLICT (session_id) DO NOTHING""";
    private static final String MARK_PAID = """
            INSERT INTO credit_purchase (session_id, developer_id, credit_cents, fee_cents, total_cents, currency,
                                         status, payment_intent_id, paid_at)
            VALUES (?, ?, ?, ?, ?, 'usd', 'paid', ?, now())
            ON CONFLICT (session_id) DO UPDATE
               SET status = 'paid', paid_at = now(), payment_intent_id = EXCLUDED.payment_intent_id
             WHERE credit_purchase.status = 'open'""";
    private static final String COLUMNS = """
            SELECT session_id, developer_id, credit_cents, fee_cents, total_cents, status, payment_intent_id,
                   created_at, paid_at FROM credit_purchase""";

    /** Records a session just started; if it was already paid and recorded by then, the paid row stays. */
    public void insertOpen(Connection connection, String sessionId, long developerId, long creditCents,
                           long feeCents) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT_OPEN)) {
            s.setString(1, sessionId);
            s.setLong(2, developerId);
            s.setLong(3, creditCents);
            s.setLong(4, feeCents);
            s.setLong(5, Math.addExact(creditCents, feeCents));
            s.executeUpdate();
        }
    }

    void markPaid(Connection connection, PaidPurchase purchase) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(MARK_PAID)) {
            s.setString(1, purchase.sessionId());
            s.setLong(2, purchase.developerId());
            s.setLong(3, purchase.creditCents());
            s.setLong(4, purchase.feeCents());
            s.setLong(5, Math.addExact(purchase.creditCents(), purchase.feeCents()));
            s.setString(6, purchase.paymentIntentId());
            s.executeUpdate();
        }
    }

    /** One developer's purchases, newest first. */
    public List<PurchaseRecord> page(Connection connection, long developerId, int offset, int limit)
            throws SQLException {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset ≥ 0 and limit 1.." + MAX_PAGE + ": " + offset + ", " + limit);
        }
        try (PreparedStatement s = connection.prepareStatement(COLUMNS
                + " WHERE developer_id = ? ORDER BY created_at DESC, session_id DESC OFFSET ? LIMIT ?")) {
            s.setLong(1, developerId);
            s.setInt(2, offset);
            s.setInt(3, limit);
            List<PurchaseRecord> out = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(read(rows));
                }
            }
            return out;
        }
    }

    public int count(Connection connection, long developerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM credit_purchase WHERE developer_id = ?")) {
            s.setLong(1, developerId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The purchase if it is this developer's (another developer's session is as good as absent). */
    public Optional<PurchaseRecord> find(Connection connection, long developerId, String sessionId)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(COLUMNS + " WHERE session_id = ? AND developer_id = ?")) {
            s.setString(1, sessionId);
            s.setLong(2, developerId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static PurchaseRecord read(ResultSet rows) throws SQLException {
        return new PurchaseRecord(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                rows.getLong(5), rows.getString(6), rows.getString(7), instant(rows.getTimestamp(8)),
                instant(rows.getTimestamp(9)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
