package dev.marketplace.billing.leases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens, tops up, renews, gives back and expires balance leases on the caller's connection. A lease's
 * {@code held_micros} is counted in its account's {@code held_micros} for as long as it is open, so every change of
 * one is made together with the other. Locks are always taken lease row first, then balance rows in account-code
 * order, as {@link LeaseCharges} does, so that two nodes' transactions cannot deadlock on them.
 */
public final class LeaseStore {
    public static final int MAX_ID_LENGTH = 255;

    private static final String LOCK_LEASE =
            "SELECT account_code, node_id, held_micros, status FROM balance_lease WHERE id = ? FOR UPDATE";
    private static final String LOCK_BALANCE =
            "SELECT balance_micros, held_micros FROM account_balance WHERE account_code = ? FOR UPDATE";
    private static final String INSERT_LEASE = """
            INSERT INTO balance_lease (id, account_code, node_id, held_micros, status, expires_at)
            VALUES (?, ?, ?, ?, 'open', now() + make_interval(secs => ?))""";
    private static final String ADD_TO_LEASE = """
            UPDATE balance_lease SET held_micros = held_micros + ?, expires_at = now() + make_interval(secs => ?)
             WHERE id = ?""";
    private static final String ADD_HELD =
            "UPDATE account_balance SET held_micros = held_micros + ?, updated_at = now() WHERE account_code = ?";
    private static final String GIVE_BACK = """
            UPDATE balance_lease SET held_micros = held_micros - ?, recall_requested = false WHERE id = ?""";
    private static final String CLOSE = """
            UPDATE balance_lease
               SET status = 'returned', closed_at = now(), returned_micros = held_micros, held_micros = 0,
                   recall_requested = false
             WHERE id = ?""";
    // a lease is also recalled when its account is overcommitted (a refund or dispute took credit that holds and
    // leases had reserved): the node gives back what it does not use and serves the account by per-call holds,
    // which refuse at a negative available balance
    private static final String RENEW = """
            UPDATE balance_lease l SET expires_at = now() + make_interval(secs => ?)
             WHERE l.node_id = ? AND l.id = ANY(?) AND l.status = 'open'
            RETURNING l.id, l.recall_requested OR EXISTS (
                SELECT 1 FROM account_balance b
                 WHERE b.account_code = l.account_code AND b.balance_micros < b.held_micros)""";
    private static final String RETURN_EXPIRED = """
            UPDATE balance_lease
               SET status = 'returned', closed_at = now(), returned_micros = held_micros, held_micros = 0,
                   recall_requested = false
             WHERE id IN (SELECT id FROM balance_lease
                           WHERE status = 'open' AND expires_at < now()
                           ORDER BY id COLLATE "C" LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, account_code, node_id, returned_micros""";
    private static final String RECALL = """
            UPDATE balance_lease SET recall_requested = true
             WHERE account_code = ? AND status = 'open' AND node_id <> ? AND held_micros > 0""";
    private static final String PENDING_RECALLS = """
            SELECT count(*) FROM balance_lease
             WHERE account_code = ? AND status = 'open' AND node_id <> ? AND recall_requested""";
    /**
     * Opens the lease (or tops up this node's open lease of that id) by up to {@code wantMicros}, but no more than
     * half of the account's available balance unless that is below {@code minMicros}, and only if at least
     * {@code minMicros} is available; also pushes its expiry to now + TTL.
     *
     * @return {@code open == false} if a lease of that id exists but was returned (or belongs to another node or
     *         account): the caller must forget it
     */
    public LeaseGrant acquire(Connection c, String leaseId, String accountCode, String nodeId, long wantMicros,
                              long minMicros, int ttlSeconds) throws SQLException {
        requireId(leaseId);
        requireId(nodeId);
        if (minMicros <= 0 || wantMicros < minMicros || ttlSeconds <= 0) {
            throw new IllegalArgumentException("lease wants " + wantMicros + " (at least " + minMicros + ") for "
                    + ttlSeconds + " s");
        }
        boolean exists;
        try (PreparedStatement lock = c.prepareStatement(LOCK_LEASE)) {
            lock.setString(1, leaseId);
            try (ResultSet row = lock.executeQuery()) {
                exists = row.next();
                if (exists && (!"open".equals(row.getString(4)) || !accountCode.equals(row.getString(1))
                        || !nodeId.equals(row.getString(2)))) {
                    return LeaseGrant.gone();
                }
            }
        }
        long available;
        try (PreparedStatement lock = c.prepareStatement(LOCK_BALANCE)) {
            lock.setString(1, accountCode);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return new LeaseGrant(true, 0, 0);
                }
                available = Math.subtractExact(row.getLong(1), row.getLong(2));
            }
        }
        if (available < minMicros) {
            return new LeaseGrant(true, 0, available);
        }
        // at most half of what is available (but the minimum asked): another node always finds something left
        long granted = Math.min(wantMicros, Math.max(minMicros, available / 2));
        if (exists) {
            update(c, ADD_TO_LEASE, granted, ttlSeconds, leaseId);
        } else {
            update(c, INSERT_LEASE, leaseId, accountCode, nodeId, granted, ttlSeconds);
        }
        if (update(c, ADD_HELD, granted, accountCode) != 1) {
            throw new IllegalStateException("balance row of " + accountCode + " vanished while leasing");
        }
        return new LeaseGrant(true, granted, available - granted);
    }

    /**
     * Gives {@code amountMicros} of an open lease back to its account (and clears a recall request); with
     * {@code close} the lease must give back all it holds and is closed.
     *
     * @return {@code false} (and no change) if the lease is no longer open
     */
    public boolean giveBack(Connection c, String leaseId, long amountMicros, boolean close) throws SQLException {
        requireId(leaseId);
        String account;
        long held;
        try (PreparedStatement lock = c.prepareStatement(LOCK_LEASE)) {
            lock.setString(1, leaseId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next() || !"open".equals(row.getString(4))) {
                    return false;
                }
                account = row.getString(1);
                held = row.getLong(3);
            }
        }
        if (amountMicros < 0 || amountMicros > held || (close && amountMicros != held)) {
            throw new IllegalStateException("lease " + leaseId + " holds " + held + " micros; cannot give back "
                    + amountMicros + (close ? " and close it" : ""));
        }
        if (close) {
            update(c, CLOSE, leaseId);
        } else {
            update(c, GIVE_BACK, amountMicros, leaseId);
        }
        if (amountMicros > 0 && update(c, ADD_HELD, -amountMicros, account) != 1) {
            throw new IllegalStateException("balance row of " + account + " vanished while giving back a lease");
        }
        return true;
    }

    /**
     * The heartbeat: pushes the expiry of the node's leases that it still uses to now + TTL (a lease it gave up on
     * is left to expire).
     *
     * @return those of them that are still open, each with whether it must give back what it does not use (another
     *         node asked for it, or its account's available balance is negative)
     */
    public Map<String, Boolean> renew(Connection c, String nodeId, List<String> leaseIds, int ttlSeconds)
            throws SQLException {
        Map<String, Boolean> open = new LinkedHashMap<>();
        try (PreparedStatement renew = c.prepareStatement(RENEW)) {
            renew.setInt(1, ttlSeconds);
            renew.setString(2, nodeId);
            renew.setArray(3, c.createArrayOf("text", leaseIds.toArray()));
            try (ResultSet rows = renew.executeQuery()) {
                while (rows.next()) {
                    open.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        return open;
    }

    /** Gives every lease past its expiry (up to {@code limit} of them) back to its account. */
    public List<ReturnedLease> returnExpired(Connection c, int limit) throws SQLException {
        List<ReturnedLease> returned = new ArrayList<>();
        try (PreparedStatement expire = c.prepareStatement(RETURN_EXPIRED)) {
            expire.setInt(1, limit);
            try (ResultSet rows = expire.executeQuery()) {
                while (rows.next()) {
                    returned.add(new ReturnedLease(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4)));
                }
            }
        }
        Map<String, Long> byAccount = new TreeMap<>();
        returned.forEach(r -> byAccount.merge(r.accountCode(), r.returnedMicros(), Math::addExact));
        for (Map.Entry<String, Long> e : byAccount.entrySet()) {
            if (e.getValue() > 0 && update(c, ADD_HELD, -e.getValue(), e.getKey()) != 1) {
                throw new IllegalStateException("balance row of " + e.getKey() + " vanished while returning leases");
            }
        }
        return returned;
    }

    /** Asks the other nodes holding a lease on the account to give back what they do not use; how many were asked. */
    public int recallOthers(Connection c, String accountCode, String nodeId) throws SQLException {
        return update(c, RECALL, accountCode, nodeId);
    }

    /** How many other nodes' leases on the account have been asked back and have not answered yet. */
    public long pendingRecalls(Connection c, String accountCode, String nodeId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(PENDING_RECALLS)) {
            query.setString(1, accountCode);
            query.setString(2, nodeId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static void requireId(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id must be 1.." + MAX_ID_LENGTH + " non-blank characters: " + id);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }
}
