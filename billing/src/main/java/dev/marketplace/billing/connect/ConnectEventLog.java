package dev.marketplace.billing.connect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** The {@code stripe_connect_event} table on the caller's connection: one row per event id, then its outcome. */
final class ConnectEventLog {

    static final int MAX_NOTE_LENGTH = 1000;

    private static final String INSERT = """
            INSERT INTO stripe_connect_event (id, type, account, created, payload)
            VALUES (?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (id) DO NOTHING""";
    private static final String MARK_PROCESSED = """
            UPDATE stripe_connect_event
               SET outcome = ?, note = ?, processed_at = now()
             WHERE id = ? AND processed_at IS NULL""";

    /** @return {@code true} on the event's first delivery; a concurrent insert of the same id waits for the other. */
    boolean insertIfNew(Connection connection, ConnectEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, event.eventId());
            statement.setString(2, event.type());
            statement.setString(3, event.accountId());
            statement.setTimestamp(4, Timestamp.from(event.created()));
            statement.setString(5, event.payloadJson());
            return statement.executeUpdate() == 1;
        }
    }

    void markProcessed(Connection connection, String eventId, ConnectEventOutcome outcome) throws SQLException {
        String note = outcome.note() == null ? "" : outcome.note();
        try (PreparedStatement statement = connection.prepareStatement(MARK_PROCESSED)) {
            statement.setString(1, outcome.kind().columnValue());
            statement.setString(2, note.length() <= MAX_NOTE_LENGTH ? note : note.substring(0, MAX_NOTE_LENGTH));
            statement.setString(3, eventId);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("stripe_connect_event " + eventId + " missing or already processed");
            }
        }
    }
}
