package dev.marketplace.billing.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.jdbc.BillingDataException;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LedgerWriterTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static Ledger ledger;
    private final LedgerQueries queries = new LedgerQueries();

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(database.dataSource());
    }

    @Test
    void postsOnceAndRepostingTheSameKeyIsANoOp() throws SQLException {
        JournalEntry entry = new JournalEntry("post-once", "grant", "welcome", "ext-1", List.of(
                new Posting("t1:promotions", -1_500_001), new Posting("t1:dev", 1_500_001)));
        long journalsBefore = journalCount();

        assertTrue(ledger.post(entry));
        assertFalse(ledger.post(entry));
        // same key, different content: still the first one wins, nothing is written
        assertFalse(ledger.post(new JournalEntry("post-once", "grant", null, null, List.of(
                new Posting("t1:promotions", -9), new Posting("t1:dev", 9)))));

        assertEquals(journalsBefore + 1, journalCount());
        assertEquals(1_500_001, ledger.balanceMicros("t1:dev"));
        assertEquals(-1_500_001, ledger.balanceMicros("t1:promotions"));
        assertEquals(1_500_001, ledger.availableMicros("t1:dev"));
        try (Connection c = database.connect()) {
            assertEquals(1_500_001, queries.derivedBalanceMicros(c, "t1:dev"));
            assertEquals(2, countRows(c, "SELECT count(*) FROM ledger_posting WHERE account_code LIKE 't1:%'"));
        }
        assertTrue(ledger.checkInvariants().ok());
    }

    @Test
    void unknownAccountHasZeroBalance() {
        assertEquals(0, ledger.balanceMicros("nobody"));
        assertEquals(0, ledger.availableMicros("nobody"));
    }

    @Test
    void sameAccountTwiceInOneJournalUpdatesTheCacheOnce() throws SQLException {
        assertTrue(ledger.post(new JournalEntry("t2-j", "adjust", null, null, List.of(
                new Posting("t2:a", 10), new Posting("t2:a", 5), new Posting("t2:b", -15)))));
        assertEquals(15, ledger.balanceMicros("t2:a"));
        try (Connection c = database.connect()) {
            assertEquals(15, queries.derivedBalanceMicros(c, "t2:a"));
        }
        assertTrue(ledger.checkInvariants().ok());
    }

    @Test
    void concurrentPostsOfOneKeyWriteOneJournal() throws Exception {
        JournalEntry entry = new JournalEntry("race-key", "grant", null, null, List.of(
                new Posting("t3:promotions", -777), new Posting("t3:dev", 777)));
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    return ledger.post(entry);
                }));
            }
            start.countDown();
            int written = 0;
            for (Future<Boolean> result : results) {
                written += result.get() ? 1 : 0;
            }
            assertEquals(1, written);
        } finally {
            pool.shutdown();
        }
        assertEquals(777, ledger.balanceMicros("t3:dev"));
        try (Connection c = database.connect()) {
            assertEquals(1, countRows(c, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = 'race-key'"));
        }
    }

    @Test
    void databaseRejectsUnbalancedJournalAtCommit() throws SQLException {
        seedAccounts("t4:a", "t4:b");
        long journalsBefore = journalCount();
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO ledger_journal (id, idempotency_key, kind) VALUES (900001, 'raw-unbalanced', 'x')");
                s.execute("INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (900001, 't4:a', -100)");
                s.execute("INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (900001, 't4:b', 99)");
            }
            SQLException failure = assertThrows(SQLException.class, c::commit);
            assertTrue(failure.getMessage().contains("unbalanced"), failure.getMessage());
        }
        assertEquals(journalsBefore, journalCount());
        assertEquals(0, ledger.balanceMicros("t4:b"));
    }

    @Test
    void databaseRejectsJournalWithFewerThanTwoPostings() throws SQLException {
        seedAccounts("t5:a");
        long journalsBefore = journalCount();
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO ledger_journal (id, idempotency_key, kind) VALUES (900002, 'raw-empty', 'x')");
            }
            assertThrows(SQLException.class, c::commit);
        }
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO ledger_journal (id, idempotency_key, kind) VALUES (900003, 'raw-one', 'x')");
                s.execute("INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (900003, 't5:a', 5)");
                // checking now instead of at commit fails the same way
                assertThrows(SQLException.class, () -> s.execute("SET CONSTRAINTS ALL IMMEDIATE"));
            }
            c.rollback();
        }
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO ledger_journal (id, idempotency_key, kind) VALUES (900005, 'raw-one-b', 'x')");
                s.execute("INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (900005, 't5:a', 5)");
            }
            assertThrows(SQLException.class, c::commit);
        }
        assertEquals(journalsBefore, journalCount());
    }

    @Test
    void databaseAcceptsBalancedRawJournal() throws SQLException {
        seedAccounts("t6:a", "t6:b");
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO ledger_journal (id, idempotency_key, kind) VALUES (900004, 'raw-balanced', 'x')");
                s.execute("INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (900004, 't6:a', -100)");
                s.execute("INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (900004, 't6:b', 100)");
            }
            c.commit(); // proves the trigger is not simply rejecting everything
            assertEquals(100, queries.derivedBalanceMicros(c, "t6:b"));
            // raw postings bypass the cache: the checker must see exactly these two accounts as mismatched
            assertEquals(2, queries.check(c).mismatchedBalances());
            assertEquals(0, queries.check(c).unbalancedJournals());
            // repair the cache (it is not part of the ledger) so the other tests see a consistent ledger
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO account_balance (account_code, balance_micros) VALUES ('t6:a', -100), ('t6:b', 100)");
            }
            c.commit();
            assertEquals(0, queries.check(c).mismatchedBalances());
        }
    }

    @Test
    void aPostingCanJoinOnlyAJournalOfItsOwnTransactionAndOnlyAnAccountThatExists() throws SQLException {
        seedAccounts("t9:a", "t9:b");
        assertTrue(ledger.post(new JournalEntry("committed-earlier", "grant", null, null, List.of(
                new Posting("t9:a", -5), new Posting("t9:b", 5)))));
        long earlier;
        try (Connection c = database.connect()) {
            earlier = countRows(c, "SELECT id FROM ledger_journal WHERE idempotency_key = 'committed-earlier'");
        }
        Map<String, String> refused = Map.of( // statement → what the refusal says
                "INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (" + earlier + ", 't9:a', -1), ("
                        + earlier + ", 't9:b', 1)", "earlier transaction", // balanced, but that journal is committed
                "INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (987654321, 't9:a', -1)",
                "journal 987654321, which does not exist",
                "INSERT INTO ledger_journal (id, idempotency_key, kind) VALUES (900009, 'raw-no-account', 'x');"
                        + " INSERT INTO ledger_posting (journal_id, account_code, amount_micros) VALUES (900009, 't9:a', -1),"
                        + " (900009, 't9:nowhere', 1)", "account t9:nowhere, which does not exist");
        for (Map.Entry<String, String> statement : refused.entrySet()) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                SQLException failure = assertThrows(SQLException.class, () -> s.execute(statement.getKey()));
                assertTrue(failure.getMessage().contains(statement.getValue()), failure.getMessage());
                c.rollback();
            }
        }
        try (Connection c = database.connect()) {
            assertEquals(2, countRows(c, "SELECT count(*) FROM ledger_posting WHERE journal_id = " + earlier));
            assertEquals(0, queries.check(c).unbalancedJournals());
        }
        assertEquals(5, ledger.balanceMicros("t9:b"));
    }

    @Test
    void ledgerTablesAreAppendOnly() throws SQLException {
        assertTrue(ledger.post(new JournalEntry("append-only", "grant", null, null, List.of(
                new Posting("t7:a", -3), new Posting("t7:b", 3)))));
        List<String> forbidden = List.of(
                "UPDATE ledger_posting SET amount_micros = amount_micros + 1",
                "DELETE FROM ledger_posting",
                "TRUNCATE ledger_posting",
                "UPDATE ledger_journal SET memo = 'changed'",
                "DELETE FROM ledger_journal",
                "TRUNCATE ledger_journal CASCADE",
                "UPDATE ledger_account SET code = code || 'x'",
                "DELETE FROM ledger_account",
                "TRUNCATE ledger_account CASCADE");
        long journalsBefore = journalCount();
        for (String sql : forbidden) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                SQLException failure = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(failure.getMessage().contains("append-only"), sql + ": " + failure.getMessage());
            }
        }
        assertEquals(journalsBefore, journalCount());
        assertEquals(3, ledger.balanceMicros("t7:b"));
        try (Connection c = database.connect()) {
            assertEquals(3, queries.derivedBalanceMicros(c, "t7:b"));
        }
    }

    @Test
    void duplicateKeyInsertedRawIsRejectedByTheUniqueConstraint() throws SQLException {
        assertTrue(ledger.post(new JournalEntry("unique-key", "grant", null, null, List.of(
                new Posting("t8:a", -1), new Posting("t8:b", 1)))));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO ledger_journal (idempotency_key, kind) VALUES ('unique-key', 'x')"));
        }
    }

    @Test
    void ledgerFacadeWrapsSqlFailures() {
        Ledger broken = new Ledger(new org.postgresql.ds.PGSimpleDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("no database");
            }
        });
        assertThrows(BillingDataException.class, () -> broken.balanceMicros("x"));
    }

    private static void seedAccounts(String... codes) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String code : codes) {
                s.execute("INSERT INTO ledger_account (code) VALUES ('" + code + "')");
            }
        }
    }

    private static long journalCount() throws SQLException {
        try (Connection c = database.connect()) {
            return new LedgerQueries().journalCount(c);
        }
    }

    private static long countRows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
