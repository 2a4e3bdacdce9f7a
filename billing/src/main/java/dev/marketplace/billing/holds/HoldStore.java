package dev.marketplace.billing.holds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Places and releases holds on the caller's connection. Placing is one conditional UPDATE, so concurrent
 * holds can never reserve more than the available balance.
 */
public final class HoldStore {

    public static final int MAX_HOLD_ID_LENGTH = 255;

    private static final String RESERVE = """
            UPDATE account_balance
               SET held_micros = held_micros + ?, updated_at = now()
             WHERE account_code = ? AND balance_micros - held_micros >= ?""";
    private static final String INSERT_HOLD = """
            INSERT INTO ledger_hold (id, account_code, amount_micros, status)
            VALUES (?, ?, ?, 'open')""";
    private static final String CLOSE_OPEN_HOLD = """
            UPDATE ledger_hold
               SET status = ?, closed_at = now()
             WHERE id = ? AND status = 'open'
            RETURNING account_code, amount_micros""";
    private static final String UNRESERVE = """
            UPDATE account_balance
               SET held_micros = held_micros - ?, updated_at = now()
             WHERE account_code = ?""";

    /**
     * Reserves {@code amountMicros} of the account's available balance.
     *
     * @return {@code false} if the available balance is insufficient or the account does not exist
     * @throws SQLException if the hold id is already used (the transaction must then be rolled back)
     */
    public boolean place(Connection connection, String holdId, String accountCode, long amountMicros)
            throws SQLException {
        requireHoldId(holdId);
        if (amountMicros <= 0) {
            throw new IllegalArgumentException("hold amount must be positive: " + amountMicros);
        }
        try (PreparedStatement reserve = connection.prepareStatement(RESERVE)) {
            reserve.setLong(1, amountMicros);
            reserve.setString(2, accountCode);
            reserve.setLong(3, amountMicros);
            if (reserve.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_HOLD)) {
            insert.setString(1, holdId);
            insert.setString(2, accountCode);
            insert.setLong(3, amountMicros);
            insert.executeUpdate();
        }
        return true;
    }

    /** Releases an open hold; {@code false} (and no change) if it is unknown or already closed. */
    public boolean release(Connection connection, String holdId) throws SQLException {
        return close(connection, holdId, HoldStatus.RELEASED);
    }

    /**
     * Closes an open hold with the given final status and gives its amount back to the available balance.
     *
     * @return {@code false} (and no change) if the hold is unknown or no longer open
     */
    public boolean close(Connection connection, String holdId, HoldStatus finalStatus) throws SQLException {
        requireHoldId(holdId);
        if (finalStatus == HoldStatus.OPEN) {
            throw new IllegalArgumentException("closing a hold needs a final status");
        }
        String accountCode;
        long amountMicros;
        try (PreparedStatement closeHold = connection.prepareStatement(CLOSE_OPEN_HOLD)) {
            closeHold.setString(1, finalStatus.dbValue());
            closeHold.setString(2, holdId);
            try (ResultSet rows = closeHold.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                accountCode = rows.getString(1);
                amountMicros = rows.getLong(2);
            }
        }
        try (PreparedStatement unreserve = connection.prepareStatement(UNRESERVE)) {
            unreserve.setLong(1, amountMicros);
            unreserve.setString(2, accountCode);
            if (unreserve.executeUpdate() != 1) {
                throw new IllegalStateException("no balance row for held account " + accountCode);
            }
        }
        return true;
    }

    private static void requireHoldId(String holdId) {
        if (holdId == null || holdId.isBlank() || holdId.length() > MAX_HOLD_ID_LENGTH) {
            throw new IllegalArgumentException("hold id must be 1.." + MAX_HOLD_ID_LENGTH
                    + " non-blank characters: " + holdId);
        }
    }
}
