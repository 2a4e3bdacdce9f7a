package dev.marketplace.billing.charges;

import dev.marketplace.billing.holds.HoldStatus;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.money.Money;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settles many usage charges on the caller's connection with a fixed number of statements per batch (about
 * eight, whatever the batch size) instead of about eight per charge, for the group-committed hot path
 * (decision 0005). The result is exactly that of calling {@link ChargeWriter#settle} for each charge in list
 * order in the caller's transaction: same checks, journals, postings, balances and hold closing, once per
 * idempotency key (the first charge of a key in the list wins). Every charge is checked before anything is
 * written, so a rejected charge leaves the batch unwritten.
 */
public final class BatchChargeWriter {

    // account codes and hold ids are sorted byte-wise, like LedgerWriter's TreeMap, whatever the collation
    private static final String LOCK_HOLDS = """
            SELECT id, account_code, amount_micros, status
              FROM ledger_hold
             WHERE id = ANY(?)
             ORDER BY id COLLATE "C"
               FOR UPDATE""";
    private static final String INSERT_JOURNALS = """
            INSERT INTO ledger_journal (idempotency_key, kind, memo)
            SELECT j.idempotency_key, ?, j.memo
              FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS j(idempotency_key, memo, ord)
             ORDER BY j.ord
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, idempotency_key""";
    private static final String INSERT_ACCOUNTS = """
            INSERT INTO ledger_account (code)
            SELECT a.code FROM unnest(?::text[]) AS a(code) ORDER BY a.code COLLATE "C"
            ON CONFLICT (code) DO NOTHING""";
    private static final String INSERT_BALANCES = """
            INSERT INTO account_balance (account_code)
            SELECT a.code FROM unnest(?::text[]) AS a(code) ORDER BY a.code COLLATE "C"
            ON CONFLICT (account_code) DO NOTHING""";
    private static final String EXISTING_BALANCES = "SELECT account_code FROM account_balance WHERE account_code = ANY(?)";
    private static final String INSERT_POSTINGS = """
            INSERT INTO ledger_posting (journal_id, account_code, amount_micros)
            SELECT p.journal_id, p.account_code, p.amount_micros
              FROM unnest(?::bigint[], ?::text[], ?::bigint[]) WITH ORDINALITY
                   AS p(journal_id, account_code, amount_micros, ord)
             ORDER BY p.ord""";
    // an UPDATE ... FROM join does not promise an order, so the rows are locked in code order first
    private static final String LOCK_BALANCES = """
            SELECT account_code
              FROM account_balance
             WHERE account_code = ANY(?)
             ORDER BY account_code COLLATE "C"
               FOR UPDATE""";
    private static final String ADD_TO_BALANCES = """
            UPDATE account_balance b
               SET balance_micros = b.balance_micros + d.balance_micros,
                   held_micros = b.held_micros + d.held_micros,
                   updated_at = now()
              FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS d(account_code, balance_micros, held_micros)
             WHERE b.account_code = d.account_code""";
    private static final String SETTLE_HOLDS = """
            UPDATE ledger_hold
               SET status = ?, closed_at = now()
             WHERE id = ANY(?) AND status = 'open'""";

    /** A locked hold as read at the start of the batch. */
    private record LockedHold(String accountCode, long amountMicros, boolean open) {
    }

    /**
     * Settles each charge as {@link ChargeWriter#settle} would, in list order.
     *
     * @return the split of each charge, in list order (also for charges already settled under their key)
     * @throws IllegalStateException for the first charge, in list order, whose hold is unknown, belongs to
     *                               another account or is smaller than the gross; nothing is written then
     */
    public List<FeeSplit> settleAll(Connection connection, List<UsageCharge> charges) throws SQLException {
        List<FeeSplit> splits = new ArrayList<>(charges.size());
        for (UsageCharge charge : charges) {
            splits.add(Money.split(charge.grossMicros(), charge.takeRateBps()));
        }
        if (charges.isEmpty()) {
            return splits;
        }
        Map<String, LockedHold> holds = lockHolds(connection, charges);
        List<JournalEntry> journals = checkAndBuildJournals(charges, splits, holds);
        Map<String, Long> journalIds = insertJournals(connection, firstJournalPerKey(journals));

        // walk the list as the item-by-item writer would: what gets posted, which open holds get settled
        List<JournalEntry> posted = new ArrayList<>();
        Set<String> settledHolds = new TreeSet<>();
        Set<String> seenKeys = new HashSet<>();
        for (int i = 0; i < charges.size(); i++) {
            JournalEntry journal = journals.get(i);
            if (journal != null) {
                if (!seenKeys.add(journal.idempotencyKey()) || !journalIds.containsKey(journal.idempotencyKey())) {
                    continue; // already settled under this key: no second charge, no hold closed
                }
                posted.add(journal);
            }
            String holdId = charges.get(i).holdId();
            if (holdId != null && holds.get(holdId).open()) {
                settledHolds.add(holdId);
            }
        }
        writePostings(connection, posted, journalIds);
        updateBalances(connection, deltas(posted, settledHolds, holds));
        settleHolds(connection, settledHolds);
        return splits;
    }

    private static Map<String, LockedHold> lockHolds(Connection connection, List<UsageCharge> charges)
            throws SQLException {
        String[] holdIds = charges.stream().map(UsageCharge::holdId).filter(id -> id != null).distinct()
                .toArray(String[]::new);
        Map<String, LockedHold> holds = new HashMap<>();
        if (holdIds.length == 0) {
            return holds;
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HOLDS)) {
            lock.setArray(1, texts(connection, holdIds));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    holds.put(rows.getString(1), new LockedHold(rows.getString(2), rows.getLong(3),
                            HoldStatus.OPEN.dbValue().equals(rows.getString(4))));
                }
            }
        }
        return holds;
    }

    /** The checks of {@link ChargeWriter#settle} for every charge, in order; the journal, or null at gross 0. */
    private static List<JournalEntry> checkAndBuildJournals(List<UsageCharge> charges, List<FeeSplit> splits,
                                                            Map<String, LockedHold> holds) {
        List<JournalEntry> journals = new ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            UsageCharge charge = charges.get(i);
            FeeSplit split = splits.get(i);
            String developerAccount = AccountCodes.developerCredit(charge.developerId());
            if (charge.holdId() != null) {
                checkHold(charge, developerAccount, holds.get(charge.holdId()));
            }
            journals.add(split.grossMicros() > 0 ? ChargeWriter.journal(charge, split, developerAccount) : null);
        }
        return journals;
    }

    private static void checkHold(UsageCharge charge, String developerAccount, LockedHold hold) {
        if (hold == null) {
            throw new IllegalStateException("unknown hold " + charge.holdId());
        }
        if (!hold.accountCode().equals(developerAccount)) {
            throw new IllegalStateException("hold " + charge.holdId() + " is on " + hold.accountCode()
                    + ", not on " + developerAccount);
        }
        if (charge.grossMicros() > hold.amountMicros()) {
            throw new IllegalStateException("gross " + charge.grossMicros() + " exceeds hold "
                    + charge.holdId() + " of " + hold.amountMicros() + " micros");
        }
    }

    private static List<JournalEntry> firstJournalPerKey(List<JournalEntry> journals) {
        Set<String> keys = new HashSet<>();
        return journals.stream().filter(j -> j != null && keys.add(j.idempotencyKey())).toList();
    }

    /** Inserts the journals whose key is new; returns their ids by key (keys already written are absent). */
    private static Map<String, Long> insertJournals(Connection connection, List<JournalEntry> journals)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (journals.isEmpty()) {
            return ids;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_JOURNALS)) {
            insert.setString(1, ChargeWriter.KIND);
            insert.setArray(2, texts(connection, journals.stream().map(JournalEntry::idempotencyKey)
                    .toArray(String[]::new)));
            insert.setArray(3, texts(connection, journals.stream().map(JournalEntry::memo).toArray(String[]::new)));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(2), rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void writePostings(Connection connection, List<JournalEntry> posted, Map<String, Long> journalIds)
            throws SQLException {
        if (posted.isEmpty()) {
            return;
        }
        List<Long> journalIdColumn = new ArrayList<>();
        List<String> accountColumn = new ArrayList<>();
        List<Long> amountColumn = new ArrayList<>();
        Set<String> accounts = new TreeSet<>();
        for (JournalEntry journal : posted) {
            for (Posting posting : journal.postings()) {
                journalIdColumn.add(journalIds.get(journal.idempotencyKey()));
                accountColumn.add(posting.accountCode());
                amountColumn.add(posting.amountMicros());
                accounts.add(posting.accountCode());
            }
        }
        ensureAccounts(connection, accounts);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POSTINGS)) {
            insert.setArray(1, bigints(connection, journalIdColumn.toArray(Long[]::new)));
            insert.setArray(2, texts(connection, accountColumn.toArray(String[]::new)));
            insert.setArray(3, bigints(connection, amountColumn.toArray(Long[]::new)));
            insert.executeUpdate();
        }
    }

    /**
     * Creates the accounts (and balance rows) that do not exist yet. Only the missing ones are inserted: an
     * {@code INSERT … ON CONFLICT DO NOTHING} of an existing balance row waits for any transaction that has updated
     * that row (its new version is in the unique index), which with two nodes charging the same accounts became a
     * deadlock (this batch waiting on the other node's update while holding what the other node locks next).
     */
    private static void ensureAccounts(Connection connection, Set<String> accounts) throws SQLException {
        Set<String> missing = new TreeSet<>(accounts);
        try (PreparedStatement existing = connection.prepareStatement(EXISTING_BALANCES)) {
            existing.setArray(1, texts(connection, accounts.toArray(String[]::new)));
            try (ResultSet rows = existing.executeQuery()) {
                while (rows.next()) {
                    missing.remove(rows.getString(1));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Array accountCodes = texts(connection, missing.toArray(String[]::new));
        for (String ensure : List.of(INSERT_ACCOUNTS, INSERT_BALANCES)) {
            try (PreparedStatement insert = connection.prepareStatement(ensure)) {
                insert.setArray(1, accountCodes);
                insert.executeUpdate();
            }
        }
    }

    /** Per account, in code order: {balance delta, held delta}. */
    private static Map<String, long[]> deltas(List<JournalEntry> posted, Set<String> settledHolds,
                                              Map<String, LockedHold> holds) {
        Map<String, long[]> deltas = new TreeMap<>();
        for (JournalEntry journal : posted) {
            for (Posting posting : journal.postings()) {
                long[] delta = deltas.computeIfAbsent(posting.accountCode(), code -> new long[2]);
                delta[0] = Math.addExact(delta[0], posting.amountMicros());
            }
        }
        for (String holdId : settledHolds) {
            LockedHold hold = holds.get(holdId);
            long[] delta = deltas.computeIfAbsent(hold.accountCode(), code -> new long[2]);
            delta[1] = Math.subtractExact(delta[1], hold.amountMicros());
        }
        return deltas;
    }

    private static void updateBalances(Connection connection, Map<String, long[]> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        Array accounts = texts(connection, deltas.keySet().toArray(String[]::new));
        try (PreparedStatement lock = connection.prepareStatement(LOCK_BALANCES)) {
            lock.setArray(1, accounts);
            lock.executeQuery().close();
        }
        try (PreparedStatement update = connection.prepareStatement(ADD_TO_BALANCES)) {
            update.setArray(1, accounts);
            update.setArray(2, bigints(connection, deltas.values().stream().map(d -> d[0]).toArray(Long[]::new)));
            update.setArray(3, bigints(connection, deltas.values().stream().map(d -> d[1]).toArray(Long[]::new)));
            if (update.executeUpdate() != deltas.size()) {
                throw new IllegalStateException("account_balance row missing while settling " + deltas.keySet());
            }
        }
    }

    private static void settleHolds(Connection connection, Set<String> holdIds) throws SQLException {
        if (holdIds.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(SETTLE_HOLDS)) {
            update.setString(1, HoldStatus.SETTLED.dbValue());
            update.setArray(2, texts(connection, holdIds.toArray(String[]::new)));
            if (update.executeUpdate() != holdIds.size()) {
                throw new IllegalStateException("locked open hold no longer open while settling " + holdIds);
            }
        }
    }

    private static Array texts(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private static Array bigints(Connection connection, Long[] values) throws SQLException {
        return connection.createArrayOf("bigint", values);
    }
}
