package dev.marketplace.billing.leases;

import dev.marketplace.billing.charges.BatchChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.holds.HoldStatus;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.money.FeeSplit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settles the charges of calls served from leases, set-based, on the caller's connection: each new charge (its
 * journal key not yet posted) shrinks its lease by its gross, which the lease had reserved, so the account's
 * available balance does not move; then the journals are posted as {@link BatchChargeWriter} posts them, and each
 * call's hold is recorded as settled. A charge whose lease is no longer open (returned after its node stopped
 * renewing it) or too small must be covered by the account's available balance instead, else the batch fails with
 * {@link UncoveredChargeException} and nothing is written: a charge never lands uncovered.
 */
public final class LeaseCharges {
    private static final String LOCK_LEASES = """
            SELECT id, account_code, held_micros, status FROM balance_lease
             WHERE id = ANY(?) ORDER BY id COLLATE "C" FOR UPDATE""";
    private static final String POSTED_KEYS = "SELECT idempotency_key FROM ledger_journal WHERE idempotency_key = ANY(?)";
    private static final String LOCK_BALANCES = """
            SELECT account_code, balance_micros, held_micros FROM account_balance
             WHERE account_code = ANY(?) ORDER BY account_code COLLATE "C" FOR UPDATE""";
    private static final String SHRINK_LEASES = """
            UPDATE balance_lease l SET held_micros = l.held_micros - d.amount_micros
              FROM unnest(?::text[], ?::bigint[]) AS d(id, amount_micros)
             WHERE l.id = d.id""";
    private static final String SUBTRACT_HELD = """
            UPDATE account_balance b SET held_micros = b.held_micros - d.amount_micros, updated_at = now()
              FROM unnest(?::text[], ?::bigint[]) AS d(account_code, amount_micros)
             WHERE b.account_code = d.account_code""";

    private final BatchChargeWriter writer = new BatchChargeWriter();
    private final LeaseStore store = new LeaseStore();

    /** @return the split of every charge, in order (also for charges already settled under their key) */
    public List<FeeSplit> settleAll(Connection c, List<LeasedCharge> charges) throws SQLException {
        Map<String, LockedLease> leases = lockLeases(c, charges);
        Set<String> posted = postedKeys(c, charges);
        Map<String, Long> shrinkByLease = new TreeMap<>();
        Map<String, Long> uncoveredByAccount = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (LeasedCharge leased : charges) {
            UsageCharge charge = leased.charge();
            long gross = charge.grossMicros();
            if (gross == 0 || posted.contains(charge.idempotencyKey()) || !seen.add(charge.idempotencyKey())) {
                continue; // nothing to take, or charged before: the journal will not be posted again
            }
            LockedLease lease = leases.get(leased.leaseId());
            String account = AccountCodes.developerCredit(charge.developerId());
            if (lease != null && lease.open && lease.accountCode.equals(account) && lease.heldMicros >= gross) {
                lease.heldMicros -= gross;
                shrinkByLease.merge(leased.leaseId(), gross, Math::addExact);
            } else {
                uncoveredByAccount.merge(account, gross, Math::addExact);
            }
        }
        Map<String, Long> heldDeltaByAccount = new TreeMap<>();
        shrinkByLease.forEach((id, amount) -> heldDeltaByAccount.merge(leases.get(id).accountCode, amount, Math::addExact));
        Set<String> accounts = new HashSet<>(heldDeltaByAccount.keySet());
        accounts.addAll(uncoveredByAccount.keySet());
        requireCovered(lockBalances(c, accounts), uncoveredByAccount);
        if (!shrinkByLease.isEmpty()) {
            apply(c, SHRINK_LEASES, shrinkByLease);
            apply(c, SUBTRACT_HELD, heldDeltaByAccount);
        }
        List<FeeSplit> splits = writer.settleAll(c, charges.stream().map(LeasedCharge::charge).toList());
        for (LeasedCharge leased : charges) {
            store.recordClosedHold(c, leased.holdId(), AccountCodes.developerCredit(leased.charge().developerId()),
                    leased.holdMicros(), HoldStatus.SETTLED);
        }
        return splits;
    }

    private static Map<String, LockedLease> lockLeases(Connection c, List<LeasedCharge> charges) throws SQLException {
        Map<String, LockedLease> leases = new HashMap<>();
        String[] ids = charges.stream().map(LeasedCharge::leaseId).distinct().toArray(String[]::new);
        try (PreparedStatement lock = c.prepareStatement(LOCK_LEASES)) {
            lock.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    leases.put(rows.getString(1), new LockedLease(rows.getString(2), rows.getLong(3),
                            "open".equals(rows.getString(4))));
                }
            }
        }
        return leases;
    }

    private static Set<String> postedKeys(Connection c, List<LeasedCharge> charges) throws SQLException {
        Set<String> posted = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement(POSTED_KEYS)) {
            query.setArray(1, c.createArrayOf("text", charges.stream().map(l -> l.charge().idempotencyKey()).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    posted.add(rows.getString(1));
                }
            }
        }
        return posted;
    }

    /** Locks the balance rows in code order; returns each account's available balance. */
    private static Map<String, Long> lockBalances(Connection c, Set<String> accounts) throws SQLException {
        Map<String, Long> available = new HashMap<>();
        if (accounts.isEmpty()) {
            return available;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK_BALANCES)) {
            lock.setArray(1, c.createArrayOf("text", accounts.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    available.put(rows.getString(1), Math.subtractExact(rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return available;
    }

    private static void requireCovered(Map<String, Long> available, Map<String, Long> uncoveredByAccount) {
        uncoveredByAccount.forEach((account, gross) -> {
            long free = available.getOrDefault(account, 0L);
            if (free < gross) {
                throw new UncoveredChargeException("charges of " + gross + " micros on " + account
                        + " outlived their lease and only " + free + " micros are available");
            }
        });
    }

    private static void apply(Connection c, String sql, Map<String, Long> amounts) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setArray(1, c.createArrayOf("text", amounts.keySet().toArray()));
            update.setArray(2, c.createArrayOf("bigint", amounts.values().toArray()));
            if (update.executeUpdate() != amounts.size()) {
                throw new IllegalStateException("a lease or balance row vanished while charging " + amounts.keySet());
            }
        }
    }

    private static final class LockedLease {
        private final String accountCode;
        private long heldMicros;
        private final boolean open;

        private LockedLease(String accountCode, long heldMicros, boolean open) {
            this.accountCode = accountCode;
            this.heldMicros = heldMicros;
            this.open = open;
        }
    }
}
