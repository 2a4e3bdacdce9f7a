package dev.marketplace.billing.topup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code saved_payment_method} table: the card a developer saved for off-session charges (the last one wins). */
public final class SavedPaymentMethods {

    private static final String SAVE = """
            INSERT INTO saved_payment_method (developer_id, customer_id, payment_method_id) VALUES (?, ?, ?)
            ON CONFLICT (developer_id) DO UPDATE
               SET customer_id = EXCLUDED.customer_id, payment_method_id = EXCLUDED.payment_method_id,
                   saved_at = now()""";
    private static final String FIND =
            "SELECT customer_id, payment_method_id FROM saved_payment_method WHERE developer_id = ?";

    /** A saved card: the provider's customer and payment method ids. */
    public record SavedCard(String customerId, String paymentMethodId) {
    }

    public void save(Connection connection, long developerId, SavedCard card) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SAVE)) {
            statement.setLong(1, developerId);
            statement.setString(2, card.customerId());
            statement.setString(3, card.paymentMethodId());
            statement.executeUpdate();
        }
    }

    public Optional<SavedCard> find(Connection connection, long developerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setLong(1, developerId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new SavedCard(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }
}
