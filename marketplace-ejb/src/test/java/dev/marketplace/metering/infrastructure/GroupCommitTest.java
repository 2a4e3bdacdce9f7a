package dev.marketplace.metering.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.jdbc.BillingDataException;
import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The group commit on PostgreSQL: every piece of many concurrent callers is committed exactly once and pieces share
 * transactions, a failing piece fails only its own caller, batches of one-statement work run in autocommit mode, and
 * the kept connection is replaced after a failure (also after the database killed it).
 */
class GroupCommitTest {
    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();
    private static GroupCommit groupCommit;

    @BeforeAll
    static void start() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table gc_probe (id text primary key, n bigint not null)");
        }
        groupCommit = GroupCommit.standalone(db.dataSource());
    }

    @AfterAll
    static void stop() throws SQLException {
        groupCommit.shutdown();
    }

    @Test
    void everyPieceOfManyConcurrentCallersIsCommittedOnceAndABadOneFailsAlone() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "piece-" + i;
                boolean bad = i % 50 == 7; // a duplicate key: this piece fails, its batch is retried piece by piece
                results.add(callers.submit(() -> {
                    try {
                        groupCommit.run("insert " + id, c -> insert(c, bad ? "piece-0" : id));
                        return true;
                    } catch (BillingDataException e) {
                        return false;
                    }
                }));
            }
            long failed = failures(results);
            assertEquals(8, failed, "exactly the eight duplicates failed");
            assertEquals(392, count("select count(*) from gc_probe where id like 'piece-%'"));
            long transactions = count("select count(distinct n) from gc_probe where id like 'piece-%'");
            assertTrue(transactions < 392, "pieces queued while someone commits share a transaction: " + transactions);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aConnectionTheDatabaseClosedIsReplacedAndNothingIsLost() throws SQLException {
        groupCommit.run("first", c -> insert(c, "kill-1"));
        long writerBackend = groupCommit.run("backend", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(" + writerBackend + ")");
        }
        // the next transaction finds its connection dead: that batch fails, its piece is retried alone on a new one
        groupCommit.run("after the kill", c -> insert(c, "kill-2"));
        groupCommit.run("and then", c -> insert(c, "kill-3"));
        assertEquals(3, count("select count(*) from gc_probe where id like 'kill-%'"));
        assertThrows(BillingDataException.class, () -> groupCommit.run("bad sql", c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("select * from no_such_table");
            }
        }));
        groupCommit.run("after a failed one", c -> insert(c, "kill-4"));
        assertEquals(4, count("select count(*) from gc_probe where id like 'kill-%'"));
    }

    /** One multi-row insert for the whole batch; a duplicate id fails the statement, so the batch, as a whole. */
    private static final OneStatementWork<String, Boolean> ONE_INSERT = (c, ids) -> {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into gc_probe (id, n) select id, txid_current() from unnest(?::text[]) as t(id)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.executeUpdate();
        }
        boolean autoCommit = c.getAutoCommit(); // the connection's mode while it ran
        return ids.stream().map(id -> autoCommit).toList();
    };
    private static final BatchWork<String, Boolean> PLAIN_INSERT = (c, ids) -> {
        for (String id : ids) {
            insert(c, id);
        }
        boolean autoCommit = c.getAutoCommit();
        return ids.stream().map(id -> autoCommit).toList();
    };

    @Test
    void aBatchOfOneStatementWorkRunsInAutocommitAndOtherBatchesInATransaction() throws Exception {
        assertTrue(groupCommit.run("one statement", ONE_INSERT, "auto-1"), "a batch of only one-statement work: autocommit");
        assertFalse(groupCommit.run("plain", PLAIN_INSERT, "plain-1"), "other work: in a transaction");
        assertTrue(groupCommit.run("one statement again", ONE_INSERT, "auto-2"));
        assertEquals(3, count("select count(*) from gc_probe where id in ('auto-1', 'plain-1', 'auto-2')"));

        ExecutorService callers = Executors.newFixedThreadPool(16);
        try { // mixed batches run in one transaction; duplicates fail alone; every other piece lands exactly once
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String id = i % 40 == 9 ? "auto-1" : "mixed-" + i;
                boolean one = i % 3 != 0;
                results.add(callers.submit(() -> {
                    try {
                        groupCommit.run("insert " + id, one ? ONE_INSERT : PLAIN_INSERT, id);
                        return true;
                    } catch (BillingDataException e) {
                        return false;
                    }
                }));
            }
            long failed = failures(results);
            assertEquals(8, failed, "exactly the eight duplicates failed");
            assertEquals(292, count("select count(*) from gc_probe where id like 'mixed-%'"));
        } finally {
            callers.shutdownNow();
        }
    }

    private static long failures(List<Future<Boolean>> results) throws Exception {
        long failed = 0;
        for (Future<Boolean> r : results) {
            failed += r.get() ? 0 : 1;
        }
        return failed;
    }

    private static int insert(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into gc_probe (id, n) values (?, txid_current())")) {
            ps.setString(1, id);
            return ps.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
