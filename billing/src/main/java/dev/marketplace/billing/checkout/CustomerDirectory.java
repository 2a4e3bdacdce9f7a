package dev.marketplace.billing.checkout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code stripe_customer} table: each developer's customer at the payment provider, written once. */
final class CustomerDirectory {

    Optional<String> find(Connection connection, long developerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT customer_id FROM stripe_customer WHERE developer_id = ?")) {
            s.setLong(1, developerId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Keeps the first customer recorded for the developer; returns the one that is recorded now. */
    String keep(Connection connection, long developerId, String customerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO stripe_customer (developer_id, customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setLong(1, developerId);
            s.setString(2, customerId);
            s.executeUpdate();
        }
        return find(connection, developerId).orElseThrow(() -> new IllegalStateException(
                "stripe_customer row of developer " + developerId + " vanished"));
    }

    /** Replaces a customer the provider forgot; a concurrent replacement wins and is returned. */
    String replace(Connection connection, long developerId, String stale, String replacement) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE stripe_customer SET customer_id = ?, created_at = now() WHERE developer_id = ? AND customer_id = ?")) {
            s.setString(1, replacement);
            s.setLong(2, developerId);
            s.setString(3, stale);
            s.executeUpdate();
        }
        return keep(connection, developerId, replacement);
    }
}
