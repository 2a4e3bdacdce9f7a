package dev.marketplace.billing.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes journals on the caller's connection, inside the caller's transaction. The idempotency key
 * decides: a key already written makes {@link #post} a no-op that returns {@code false}.
 */
public final class LedgerWriter {

    private static final String INSERT_JOURNAL = """
            INSERT INTO ledger_journal (idempotency_key, kind, memo, external_ref)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id""";
    private static final String INSERT_ACCOUNT =
            "INSERT INTO ledger_account (code) VALUES (?) ON CONFLICT (code) DO NOTHING";
    private static final String INSERT_BALANCE =
            "INSERT INTO account_balance (account_code) VALUES (?) ON CONFLICT (account_code) DO NOTHING";
    private static final String INSERT_POSTING =
            "INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (?, ?, ?)";
    private static final String ADD_TO_BALANCE = """
            UPDATE account_balance
               SET balance_micros = balance_micros + ?, updated_at = now()
             WHERE account_code = ?""";

    /**
     * Posts the journal once.
     *
     * @return {@code true} if written now, {@code false} if a journal with this key already exists
     *         (nothing else is done then)
     */
    public boolean post(Connection connection, JournalEntry entry) throws SQLException {
        Long journalId = insertJournal(connection, entry);
        if (journalId == null) {
            return false;
        }
        // sorted, so concurrent journals lock balance rows in one order and cannot deadlock each other
        Map<String, Long> deltaMicrosByAccount = new TreeMap<>();
        for (Posting posting : entry.postings()) {
            deltaMicrosByAccount.merge(posting.accountCode(), posting.amountMicros(), Math::addExact);
        }
        ensureAccounts(connection, deltaMicrosByAccount);
        insertPostings(connection, journalId, entry);
        updateBalances(connection, deltaMicrosByAccount);
        return true;
    }

    private static Long insertJournal(Connection connection, JournalEntry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_JOURNAL)) {
            statement.setString(1, entry.idempotencyKey());
            statement.setString(2, entry.kind());
            statement.setString(3, entry.memo());
            statement.setString(4, entry.externalRef());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static void ensureAccounts(Connection connection, Map<String, Long> accounts) throws SQLException {
        try (PreparedStatement account = connection.prepareStatement(INSERT_ACCOUNT);
             PreparedStatement balance = connection.prepareStatement(INSERT_BALANCE)) {
            for (String code : accounts.keySet()) {
                account.setString(1, code);
                account.addBatch();
                balance.setString(1, code);
                balance.addBatch();
            }
            account.executeBatch();
            balance.executeBatch();
        }
    }

    private static void insertPostings(Connection connection, long journalId, JournalEntry entry)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_POSTING)) {
            for (Posting posting : entry.postings()) {
                statement.setLong(1, journalId);
                statement.setString(2, posting.accountCode());
                statement.setLong(3, posting.amountMicros());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void updateBalances(Connection connection, Map<String, Long> deltaMicrosByAccount)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ADD_TO_BALANCE)) {
            for (Map.Entry<String, Long> delta : deltaMicrosByAccount.entrySet()) {
                statement.setLong(1, delta.getValue());
                statement.setString(2, delta.getKey());
                statement.addBatch();
            }
            for (int updated : statement.executeBatch()) {
                if (updated != 1) {
                    throw new IllegalStateException("account_balance row missing while posting");
                }
            }
        }
    }
}
