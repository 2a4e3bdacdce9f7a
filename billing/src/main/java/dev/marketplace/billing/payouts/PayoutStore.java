package dev.marketplace.billing.payouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code payout_transfer} table on the caller's connection. */
final class PayoutStore {

    private static final String COLUMNS = """
            statement_id, provider_id, destination, amount_cents, idempotency_key, source_transaction, transfer_id,
            status, reversed_cents, paid_by, created_at""";

    /** Claims the statement's payout; false if it was claimed before (the row is then read as it is). */
    boolean claim(Connection c, long statementId, long providerId, String destination, long amountCents,
                  String idempotencyKey, String actor) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO payout_transfer (statement_id, provider_id, destination, amount_cents, idempotency_key,
                    status, paid_by)
                VALUES (?, ?, ?, ?, ?, 'claimed', ?)
                ON CONFLICT (statement_id) DO NOTHING""")) {
            p.setLong(1, statementId);
            p.setLong(2, providerId);
            p.setString(3, destination);
            p.setLong(4, amountCents);
            p.setString(5, idempotencyKey);
            p.setString(6, actor);
            return p.executeUpdate() == 1;
        }
    }

    Optional<Payout> find(Connection c, long statementId, boolean forUpdate) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM payout_transfer WHERE statement_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""), statementId).stream().findFirst();
    }

    Optional<Payout> findByTransfer(Connection c, String transferId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM payout_transfer WHERE transfer_id = ? FOR UPDATE", transferId)
                .stream().findFirst();
    }

    List<Payout> list(Connection c, Long providerId, int limit) throws SQLException {
        return providerId == null
                ? query(c, "SELECT " + COLUMNS + " FROM payout_transfer ORDER BY created_at DESC LIMIT ?", limit)
                : query(c, "SELECT " + COLUMNS + " FROM payout_transfer WHERE provider_id = ?"
                        + " ORDER BY created_at DESC LIMIT ?", providerId, limit);
    }

    void created(Connection c, long statementId, String transferId, String sourceTransaction) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE payout_transfer SET transfer_id = ?, source_transaction = ?, status = 'created', updated_at = now()
                 WHERE statement_id = ? AND status = 'claimed'""")) {
            p.setString(1, transferId);
            p.setString(2, sourceTransaction);
            p.setLong(3, statementId);
            if (p.executeUpdate() != 1) {
                throw new IllegalStateException("payout of statement " + statementId + " is not claimed");
            }
        }
    }

    void reversed(Connection c, long statementId, long cumulativeCents) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE payout_transfer SET reversed_cents = greatest(reversed_cents, ?), status = 'reversed',
                       updated_at = now()
                 WHERE statement_id = ?""")) {
            p.setLong(1, cumulativeCents);
            p.setLong(2, statementId);
            p.executeUpdate();
        }
    }

    /** Payment intents whose credited amount covers {@code micros}, newest first: candidates for source_transaction. */
    List<String> paymentsCovering(Connection c, long micros, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT payment_intent_id FROM stripe_payment"
                + " WHERE credited_micros >= ? ORDER BY created_at DESC LIMIT ?")) {
            p.setLong(1, micros);
            p.setInt(2, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private static List<Payout> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            List<Payout> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Timestamp at = r.getTimestamp(11);
                    out.add(new Payout(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4), r.getString(5),
                            r.getString(6), r.getString(7), PayoutStatus.fromColumn(r.getString(8)), r.getLong(9),
                            r.getString(10), at.toInstant()));
                }
            }
            return out;
        }
    }
}
