package dev.marketplace.billing.topup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code auto_top_up} table on the caller's connection. Each state change is one conditional UPDATE, so two
 * checkers (two nodes) never claim the same crossing and a late answer never overwrites a newer state.
 */
final class AutoTopUpStore {

    /** A {@code charging} row older than this is a charge whose node died: it is retried with the same key. */
    static final int RETRY_AFTER_SECONDS = 30;
    static final int MAX_CLAIMS = 50;

    private static final String AVAILABLE = "COALESCE((SELECT b.balance_micros - b.held_micros FROM account_balance b"
            + " WHERE b.account_code = 'developer:' || t.developer_id || ':credit'), 0)";
    private static final String CLAIM = """
            WITH due AS (
                SELECT t.developer_id FROM auto_top_up t
                  JOIN saved_payment_method s ON s.developer_id = t.developer_id
                 WHERE t.enabled
                   AND ((t.state = 'armed' AND %s < t.threshold_micros)
                     OR (t.state = 'charging' AND t.state_since < now() - make_interval(secs => %d)))
                 ORDER BY t.developer_id
                 LIMIT %d
                   FOR UPDATE OF t SKIP LOCKED)
            UPDATE auto_top_up t
               SET crossing = CASE WHEN t.state = 'armed' THEN t.crossing + 1 ELSE t.crossing END,
                   state = 'charging', state_since = now(), updated_at = now()
              FROM due, saved_payment_method s
             WHERE t.developer_id = due.developer_id AND s.developer_id = t.developer_id
            RETURNING t.developer_id, t.crossing, t.amount_micros, s.customer_id, s.payment_method_id"""
            .formatted(AVAILABLE, RETRY_AFTER_SECONDS, MAX_CLAIMS);
    private static final String REARM = """
            UPDATE auto_top_up t SET state = 'armed', state_since = now(), updated_at = now()
             WHERE t.state = 'charged' AND %s >= t.threshold_micros""".formatted(AVAILABLE);
    private static final String MARK_CHARGED = """
            UPDATE auto_top_up SET state = 'charged', state_since = now(), updated_at = now(),
                   last_payment_intent_id = ?
             WHERE developer_id = ? AND crossing = ? AND state = 'charging'""";
    private static final String MARK_FAILED = """
            UPDATE auto_top_up SET enabled = false, state = 'armed', state_since = now(), updated_at = now(),
                   last_payment_intent_id = COALESCE(?, last_payment_intent_id), last_failure = ?,
                   last_failure_at = now()
             WHERE developer_id = ? AND crossing = ? AND state IN ('charging', 'charged')""";
    private static final String SAVE = """
            INSERT INTO auto_top_up (developer_id, enabled, threshold_micros, amount_micros) VALUES (?, ?, ?, ?)
            ON CONFLICT (developer_id) DO UPDATE
               SET enabled = EXCLUDED.enabled, threshold_micros = EXCLUDED.threshold_micros,
                   amount_micros = EXCLUDED.amount_micros, updated_at = now(),
                   state = CASE WHEN EXCLUDED.enabled AND NOT auto_top_up.enabled AND auto_top_up.state <> 'charging'
                                THEN 'armed' ELSE auto_top_up.state END,
                   last_failure = CASE WHEN EXCLUDED.enabled THEN NULL ELSE auto_top_up.last_failure END,
                   last_failure_at = CASE WHEN EXCLUDED.enabled THEN NULL ELSE auto_top_up.last_failure_at END""";
    private static final String FIND = """
            SELECT enabled, threshold_micros, amount_micros, state, last_payment_intent_id, last_failure,
                   last_failure_at
              FROM auto_top_up WHERE developer_id = ?""";

    /** A crossing claimed for charging. */
    record Claim(long developerId, long crossing, long amountMicros, String customerId, String paymentMethodId) {
    }

    /** The row as the portal shows it. */
    record Row(AutoTopUpSettings settings, String state, String lastPaymentIntentId, String lastFailure,
               OffsetDateTime lastFailureAt) {
    }

    /** Claims the crossings to charge now: armed rows below their threshold, and charges left half-done. */
    List<Claim> claimDue(Connection connection) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CLAIM);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                claims.add(new Claim(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                        rows.getString(5)));
            }
        }
        return claims;
    }

    /** Re-arms every charged row whose balance is back at or above its threshold. */
    int rearm(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REARM)) {
            return statement.executeUpdate();
        }
    }

    boolean markCharged(Connection connection, long developerId, long crossing, String paymentIntentId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MARK_CHARGED)) {
            statement.setString(1, paymentIntentId);
            statement.setLong(2, developerId);
            statement.setLong(3, crossing);
            return statement.executeUpdate() == 1;
        }
    }

    /** Records the failure and turns auto top-up off, if this crossing is still the one being charged. */
    boolean markFailed(Connection connection, long developerId, long crossing, String paymentIntentId,
                       String failure) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MARK_FAILED)) {
            statement.setString(1, paymentIntentId);
            statement.setString(2, failure.length() <= 1000 ? failure : failure.substring(0, 1000));
            statement.setLong(3, developerId);
            statement.setLong(4, crossing);
            return statement.executeUpdate() == 1;
        }
    }

    void save(Connection connection, long developerId, AutoTopUpSettings settings) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SAVE)) {
            statement.setLong(1, developerId);
            statement.setBoolean(2, settings.enabled());
            statement.setLong(3, settings.thresholdMicros());
            statement.setLong(4, settings.amountMicros());
            statement.executeUpdate();
        }
    }

    Optional<Row> find(Connection connection, long developerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setLong(1, developerId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(new AutoTopUpSettings(rows.getBoolean(1), rows.getLong(2),
                        rows.getLong(3)), rows.getString(4), rows.getString(5), rows.getString(6),
                        rows.getObject(7, OffsetDateTime.class)));
            }
        }
    }
}
