package dev.marketplace.billing.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The {@code stripe_event} table on the caller's connection: one row per event id, then its outcome. */
final class StripeEventLog {

    static final int MAX_NOTE_LENGTH = 1000;

    private static final String INSERT = """
            INSERT INTO stripe_event (id, type, payload)
            VALUES (?, ?, ?::jsonb)
            ON CONFLICT (id) DO NOTHING""";
    private static final String MARK_PROCESSED = """
            UPDATE stripe_event
               SET outcome = ?, note = ?, processed_at = now()
             WHERE id = ? AND processed_at IS NULL""";

    /**
     * Inserts the event's row; a concurrent insert of the same id waits here until the other transaction ends.
     *
     * @return {@code true} if this is the event's first delivery, {@code false} if it was received before
     */
    boolean insertIfNew(Connection connection, PaymentEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, event.eventId());
            statement.setString(2, event.eventType());
            statement.setString(3, event.payloadJson());
            return statement.executeUpdate() == 1;
        }
    }

    void markProcessed(Connection connection, String eventId, WebhookOutcome outcome, String note)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MARK_PROCESSED)) {
            statement.setString(1, outcome.columnValue());
            statement.setString(2, note.length() <= MAX_NOTE_LENGTH ? note : note.substring(0, MAX_NOTE_LENGTH));
            statement.setString(3, eventId);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("stripe_event " + eventId + " missing or already processed");
            }
        }
    }
}
