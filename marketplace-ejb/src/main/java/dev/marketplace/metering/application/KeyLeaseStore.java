package dev.marketplace.metering.application;

import dev.marketplace.billing.leases.UncoveredChargeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opens, tops up, renews, gives back, expires and charges key limit leases (table {@code key_lease}, decision 0018)
 * on the caller's connection. An open lease's {@code held_micros} counts against its key's limit like an open key
 * hold, so a grant locks the key row ({@code api_key}) first, as per-call holds do, and never lets the key's usage in
 * its period plus open key holds plus open key leases exceed its limit.
 */
final class KeyLeaseStore {
    /** Usage since the period start + open key holds + open key leases, in one statement: one snapshot. */
    static final String SPENT = """
            select coalesce((select sum(u.cost_micros) from usage_record u
                              where u.api_key_id = ? and u.created_at >= ?), 0)
                 + coalesce((select sum(kh.amount_micros) from key_hold kh join ledger_hold h on h.id = kh.hold_id
                              where kh.api_key_id = ? and h.status = 'open'), 0)
                 + coalesce((select sum(l.held_micros) from key_lease l
                              where l.api_key_id = ? and l.status = 'open'), 0)""";
    private static final String LOCK_KEY = "select credit_limit_micros from api_key where id = ? for update";
    private static final String LOCK_LEASE =
            "select api_key_id, node_id, held_micros, status from key_lease where id = ? for update";
    private static final String INSERT_LEASE = """
            insert into key_lease (id, api_key_id, node_id, limit_micros, limit_reset, period_start, held_micros, status,
                                   expires_at)
            values (?, ?, ?, ?, ?, ?, ?, 'open', now() + make_interval(secs => ?))""";
    private static final String ADD_TO_LEASE = """
            update key_lease set held_micros = held_micros + ?, limit_micros = ?, limit_reset = ?, period_start = ?,
                                 expires_at = now() + make_interval(secs => ?)
             where id = ?""";
    private static final String GIVE_BACK =
            "update key_lease set held_micros = held_micros - ?, recall_requested = false where id = ?";
    private static final String CLOSE = """
            update key_lease
               set status = 'returned', closed_at = now(), returned_micros = held_micros, held_micros = 0,
                   recall_requested = false
             where id = ?""";
    // the node must give back what it does not use when another node asked for it, or the key is no longer what the
    // lease was granted for: revoked, disabled, expired, another limit or reset
    private static final String RENEW = """
            update key_lease l set expires_at = now() + make_interval(secs => ?)
              from api_key k
             where k.id = l.api_key_id and l.node_id = ? and l.id = any(?) and l.status = 'open'
            returning l.id, l.recall_requested or k.revoked_at is not null or k.disabled
                   or (k.expires_at is not null and k.expires_at <= now())
                   or k.credit_limit_micros is distinct from l.limit_micros
                   or k.limit_reset is distinct from l.limit_reset""";
    private static final String RETURN_EXPIRED = """
            update key_lease
               set status = 'returned', closed_at = now(), returned_micros = held_micros, held_micros = 0,
                   recall_requested = false
             where id in (select id from key_lease
                           where status = 'open' and expires_at < now()
                           order by id collate "C" limit ? for update skip locked)
            returning id""";
    private static final String RECALL = """
            update key_lease set recall_requested = true
             where api_key_id = ? and status = 'open' and node_id <> ? and held_micros > 0""";
    private static final String PENDING_RECALLS = """
            select count(*) from key_lease
             where api_key_id = ? and status = 'open' and node_id <> ? and recall_requested""";
    private static final String LOCK_LEASES = """
            select id, api_key_id, held_micros, status from key_lease
             where id = any(?) order by id collate "C" for update""";
    private static final String POSTED_KEYS = "select idempotency_key from ledger_journal where idempotency_key = any(?)";
    private static final String SHRINK_LEASES = """
            update key_lease l set held_micros = l.held_micros - d.amount_micros
              from unnest(?::text[], ?::bigint[]) as d(id, amount_micros)
             where l.id = d.id""";

    /**
     * Opens the lease (or tops up this node's open lease of that id) under {@code terms} by up to {@code wantMicros},
     * but no more than half of what remains of the key's budget unless that is below {@code minMicros}, and only if
     * at least {@code minMicros} remains; also pushes its expiry to now + TTL. The key's limit is read from its
     * locked row: the terms' limit is only recorded (a node with a stale limit is told to give back at its renewal).
     *
     * @return {@code open == false} if a lease of that id exists but was returned or is another node's or key's
     */
    KeyLeaseGrant acquire(Connection c, String leaseId, long keyId, String nodeId, KeyTerms terms, long wantMicros,
                          long minMicros, int ttlSeconds) throws SQLException {
        if (minMicros <= 0 || wantMicros < minMicros || ttlSeconds <= 0) {
            throw new IllegalArgumentException("key lease wants " + wantMicros + " (at least " + minMicros + ")");
        }
        Long limit = lockKey(c, keyId);
        boolean exists;
        try (PreparedStatement lock = c.prepareStatement(LOCK_LEASE)) {
            lock.setString(1, leaseId);
            try (ResultSet row = lock.executeQuery()) {
                exists = row.next();
                if (exists && (row.getLong(1) != keyId || !nodeId.equals(row.getString(2))
                        || !"open".equals(row.getString(4)))) {
                    return KeyLeaseGrant.gone();
                }
            }
        }
        if (limit == null) {
            return new KeyLeaseGrant(true, 0, 0); // the limit was removed: the caller's per-call path decides
        }
        long remaining = Math.subtractExact(limit, spent(c, keyId, terms.periodStart()));
        long granted = KeySlices.grant(remaining, wantMicros, minMicros);
        if (granted == 0) {
            return new KeyLeaseGrant(true, 0, remaining);
        }
        Timestamp periodStart = Timestamp.from(terms.periodStart());
        String reset = terms.reset().wireValue();
        if (exists) {
            update(c, ADD_TO_LEASE, granted, limit, reset, periodStart, ttlSeconds, leaseId);
        } else {
            update(c, INSERT_LEASE, leaseId, keyId, nodeId, limit, reset, periodStart, granted, ttlSeconds);
        }
        return new KeyLeaseGrant(true, granted, remaining - granted);
    }

    /** The key's spend in the period from {@code since}: usage + open key holds + open key leases (of every node). */
    static long spent(Connection c, long keyId, Instant since) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(SPENT)) {
            query.setLong(1, keyId);
            query.setTimestamp(2, Timestamp.from(since));
            query.setLong(3, keyId);
            query.setLong(4, keyId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Gives {@code amountMicros} of an open lease back to its key's budget (and clears a recall request); with
     * {@code close} the lease must give back all it holds and is closed.
     *
     * @return {@code false} (and no change) if the lease is no longer open
     */
    boolean giveBack(Connection c, String leaseId, long amountMicros, boolean close) throws SQLException {
        long held;
        try (PreparedStatement lock = c.prepareStatement(LOCK_LEASE)) {
            lock.setString(1, leaseId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next() || !"open".equals(row.getString(4))) {
                    return false;
                }
                held = row.getLong(3);
            }
        }
        if (amountMicros < 0 || amountMicros > held || (close && amountMicros != held)) {
            throw new IllegalStateException("key lease " + leaseId + " holds " + held + " micros; cannot give back "
                    + amountMicros + (close ? " and close it" : ""));
        }
        update(c, close ? CLOSE : GIVE_BACK, close ? new Object[] {leaseId} : new Object[] {amountMicros, leaseId});
        return true;
    }

    /**
     * The heartbeat: pushes the expiry of the node's leases to now + TTL.
     *
     * @return those of them still open, each with whether it must give back what it does not use (recalled, or the
     *         key changed since the lease was granted)
     */
    Map<String, Boolean> renew(Connection c, String nodeId, List<String> leaseIds, int ttlSeconds) throws SQLException {
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

    /** Returns every lease past its expiry (up to {@code limit}) to its key's budget; their ids. */
    List<String> returnExpired(Connection c, int limit) throws SQLException {
        List<String> returned = new ArrayList<>();
        try (PreparedStatement expire = c.prepareStatement(RETURN_EXPIRED)) {
            expire.setInt(1, limit);
            try (ResultSet rows = expire.executeQuery()) {
                while (rows.next()) {
                    returned.add(rows.getString(1));
                }
            }
        }
        return returned;
    }

    /** Asks the other nodes holding a lease on the key to give back what they do not use; how many were asked. */
    int recallOthers(Connection c, long keyId, String nodeId) throws SQLException {
        return update(c, RECALL, keyId, nodeId);
    }

    /** How many other nodes' leases on the key were asked back and have not answered yet. */
    long pendingRecalls(Connection c, long keyId, String nodeId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(PENDING_RECALLS)) {
            query.setLong(1, keyId);
            query.setString(2, nodeId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Shrinks the key leases by the cost of the charges, in the transaction that inserted their usage records and
     * before their journals are posted: a charge whose journal is already posted (a retry) shrinks nothing. A charge
     * whose lease is no longer open (returned after its node stopped renewing it) must fit in its key's limit,
     * checked with the key row locked, else the whole transaction fails ({@link UncoveredChargeException}).
     */
    static void chargeAll(Connection c, List<KeyLeaseCharge> charges) throws SQLException {
        if (charges.isEmpty()) {
            return;
        }
        Map<String, LockedLease> leases = lockLeases(c, charges);
        Set<String> posted = postedKeys(c, charges);
        Map<String, Long> shrinkByLease = new TreeMap<>();
        Map<Long, KeyLeaseCharge> uncoveredByKey = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (KeyLeaseCharge charge : charges) {
            long cost = charge.costMicros();
            if (cost == 0 || posted.contains(charge.idempotencyKey()) || !seen.add(charge.idempotencyKey())) {
                continue;
            }
            LockedLease lease = leases.get(charge.leaseId());
            if (lease != null && lease.open && lease.keyId == charge.keyId() && lease.heldMicros >= cost) {
                lease.heldMicros -= cost;
                shrinkByLease.merge(charge.leaseId(), cost, Math::addExact);
            } else {
                uncoveredByKey.putIfAbsent(charge.keyId(), charge);
            }
        }
        if (!shrinkByLease.isEmpty()) {
            try (PreparedStatement shrink = c.prepareStatement(SHRINK_LEASES)) {
                shrink.setArray(1, c.createArrayOf("text", shrinkByLease.keySet().toArray()));
                shrink.setArray(2, c.createArrayOf("bigint", shrinkByLease.values().toArray()));
                if (shrink.executeUpdate() != shrinkByLease.size()) {
                    throw new IllegalStateException("a key lease vanished while charging " + shrinkByLease.keySet());
                }
            }
        }
        for (KeyLeaseCharge charge : uncoveredByKey.values()) {
            requireWithinLimit(c, charge);
        }
    }

    /** The usage records are inserted already: the key's spend, with them, must not exceed its limit. */
    private static void requireWithinLimit(Connection c, KeyLeaseCharge charge) throws SQLException {
        Long limit = lockKey(c, charge.keyId());
        if (limit == null) {
            return;
        }
        long spent = spent(c, charge.keyId(), charge.periodStart());
        if (spent > limit) {
            throw new UncoveredChargeException("charges of key " + charge.keyId() + " outlived their key lease and"
                    + " would bring its spend to " + spent + " micros, over its limit of " + limit);
        }
    }

    private static Long lockKey(Connection c, long keyId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK_KEY)) {
            lock.setLong(1, keyId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no key " + keyId);
                }
                long limit = row.getLong(1);
                return row.wasNull() ? null : limit;
            }
        }
    }

    private static Map<String, LockedLease> lockLeases(Connection c, List<KeyLeaseCharge> charges) throws SQLException {
        Map<String, LockedLease> leases = new HashMap<>();
        try (PreparedStatement lock = c.prepareStatement(LOCK_LEASES)) {
            lock.setArray(1, c.createArrayOf("text", charges.stream().map(KeyLeaseCharge::leaseId).distinct().toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    leases.put(rows.getString(1), new LockedLease(rows.getLong(2), rows.getLong(3),
                            "open".equals(rows.getString(4))));
                }
            }
        }
        return leases;
    }

    private static Set<String> postedKeys(Connection c, List<KeyLeaseCharge> charges) throws SQLException {
        Set<String> posted = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement(POSTED_KEYS)) {
            query.setArray(1, c.createArrayOf("text", charges.stream().map(KeyLeaseCharge::idempotencyKey).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    posted.add(rows.getString(1));
                }
            }
        }
        return posted;
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static final class LockedLease {
        private final long keyId;
        private long heldMicros;
        private final boolean open;

        private LockedLease(long keyId, long heldMicros, boolean open) {
            this.keyId = keyId;
            this.heldMicros = heldMicros;
            this.open = open;
        }
    }
}
