package dev.marketplace.billing.leases;

import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.available;
import static dev.marketplace.billing.testing.Fixtures.count;
import static dev.marketplace.billing.testing.Fixtures.grant;
import static dev.marketplace.billing.testing.Fixtures.held;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeaseStoreTest {
    private static final int TTL_S = 30;
    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private final LeaseStore store = new LeaseStore();

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
    }

    @Test
    void grantsUpToWhatIsAvailableAndCountsInTheHeldAmount() throws SQLException {
        String account = funded(101, 1_000);

        // at most half of what is available
        assertEquals(new LeaseGrant(true, 500, 500), acquire("l101", account, "node-a", 600, 10));
        assertEquals(500, held(dataSource, account));
        assertEquals(500, available(dataSource, account));
        assertEquals(new LeaseGrant(true, 100, 400), acquire("l101", account, "node-a", 100, 10));
        // unless half is below the minimum: then the minimum, and all that is left if it is just that
        assertEquals(new LeaseGrant(true, 300, 100), acquire("l101", account, "node-a", 900, 300));
        assertEquals(new LeaseGrant(true, 100, 0), acquire("l101", account, "node-a", 100, 100));
        assertEquals(1_000, leaseHeld("l101"));
        assertEquals(new LeaseGrant(true, 0, 0), acquire("l101", account, "node-a", 50, 1));
        assertEquals(1_000, held(dataSource, account));
        assertInvariantsOk(dataSource);
    }

    @Test
    void refusesBelowTheMinimumWithoutChangingAnything() throws SQLException {
        String account = funded(102, 99);
        assertEquals(new LeaseGrant(true, 0, 99), acquire("l102", account, "node-a", 500, 100));
        assertEquals(0, held(dataSource, account));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM balance_lease WHERE id = ?", "l102"));
        assertEquals(new LeaseGrant(true, 0, 0), acquire("l102x", AccountCodes.developerCredit(99_999), "node-a", 5, 1));
    }

    @Test
    void leasesAcquiredConcurrentlyByTwoNodesNeverReserveMoreThanTheBalance() throws Exception {
        String account = funded(103, 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long granted = 0;
        try {
            List<Future<LeaseGrant>> grants = new ArrayList<>();
            for (int i = 0; i < 40; i++) { // 20 leases per node asking 700 each of a balance of 10,000
                String node = i % 2 == 0 ? "node-a" : "node-b";
                String lease = "l103-" + node + "-" + i;
                grants.add(pool.submit(() -> acquire(lease, account, node, 700, 1)));
            }
            for (Future<LeaseGrant> g : grants) {
                granted += g.get().grantedMicros();
            }
        } finally {
            pool.shutdownNow();
        }
        long leased = count(dataSource, "SELECT sum(held_micros) FROM balance_lease WHERE account_code = ?", account);
        assertEquals(granted, leased, "every grant is in a lease");
        assertEquals(10_000 - granted, available(dataSource, account), "no micro-dollar leased twice");
        assertTrue(granted > 9_000, "halving what is left still leases nearly all of it: " + granted);
        assertInvariantsOk(dataSource);
    }

    @Test
    void givesBackPartlyThenClosesAndAClosedLeaseIsGone() throws SQLException {
        String account = funded(104, 1_000);
        acquire("l104", account, "node-a", 800, 800);
        assertTrue(giveBack("l104", 300, false));
        assertEquals(500, held(dataSource, account));
        assertThrows(IllegalStateException.class, () -> giveBack("l104", 501, false));
        assertThrows(IllegalStateException.class, () -> giveBack("l104", 200, true),
                "closing gives back all");
        assertTrue(giveBack("l104", 500, true));
        assertEquals(0, held(dataSource, account));
        assertEquals(500, count(dataSource, "SELECT returned_micros FROM balance_lease WHERE id = ?", "l104"));

        assertFalse(giveBack("l104", 0, false));
        assertEquals(new LeaseGrant(false, 0, 0), acquire("l104", account, "node-a", 10, 1));
        assertEquals(0, held(dataSource, account), "a returned lease is never reopened");
        assertInvariantsOk(dataSource);
    }

    @Test
    void anotherNodeCannotTopUpALeaseItDoesNotOwn() throws SQLException {
        String account = funded(105, 1_000);
        acquire("l105", account, "node-a", 100, 1);
        assertEquals(new LeaseGrant(false, 0, 0), acquire("l105", account, "node-b", 100, 1));
        assertEquals(100, held(dataSource, account));
    }

    @Test
    void renewKeepsOnlyTheNodesOpenLeasesAndReportsRecalls() throws SQLException {
        String account = funded(106, 1_000);
        acquire("l106-a", account, "node-106a", 100, 1);
        acquire("l106-b", account, "node-106b", 100, 1);
        assertEquals(1, (int) tx(c -> store.recallOthers(c, account, "node-106b")), "node b asks node a");
        assertEquals(1L, (long) tx(c -> store.pendingRecalls(c, account, "node-106b")));

        Map<String, Boolean> open = tx(c -> store.renew(c, "node-106a", List.of("l106-a"), TTL_S));
        assertEquals(Map.of("l106-a", true), open);
        giveBack("l106-a", 60, false); // answering the recall clears it
        assertEquals(0L, (long) tx(c -> store.pendingRecalls(c, account, "node-106b")));
        assertEquals(Map.of("l106-a", false), tx(c -> store.renew(c, "node-106a", List.of("l106-a"), TTL_S)));
        assertEquals(Map.of(), tx(c -> store.renew(c, "node-106a", List.of("l106-b"), TTL_S)), "only its own leases");
        assertEquals(40, leaseHeld("l106-a"));
    }

    @Test
    void aLeaseOfAnOvercommittedAccountIsRecalled() throws SQLException {
        String account = funded(108, 1_000);
        acquire("l108", account, "node-108", 400, 1);
        assertEquals(Map.of("l108", false), tx(c -> store.renew(c, "node-108", List.of("l108"), TTL_S)));
        // a refund takes back 700 of the 1,000: 400 leased, only 300 left in the account
        tx(c -> new LedgerWriter().post(c, new JournalEntry("lease-refund-108", "refund", "test refund", "ch_108",
                List.of(new Posting(account, -700), new Posting(AccountCodes.STRIPE_CLEARING, 700)))));
        assertEquals(-100, available(dataSource, account));

        assertEquals(Map.of("l108", true), tx(c -> store.renew(c, "node-108", List.of("l108"), TTL_S)),
                "the node must give back what it does not use");
        giveBack("l108", 400, true);
        assertEquals(300, available(dataSource, account));
        assertInvariantsOk(dataSource);
    }

    @Test
    void expiredLeasesGoBackToTheirAccountOnce() throws SQLException {
        String account = funded(107, 1_000);
        acquire("l107-dead", account, "node-dead", 300, 1);
        acquire("l107-live", account, "node-live", 200, 1);
        expire(dataSource, "l107-dead");

        List<ReturnedLease> returned = tx(c -> store.returnExpired(c, 100));
        assertTrue(returned.contains(new ReturnedLease("l107-dead", account, "node-dead", 300)), returned.toString());
        assertFalse(returned.stream().anyMatch(r -> r.leaseId().equals("l107-live")));
        assertEquals(200, held(dataSource, account));
        assertEquals(800, available(dataSource, account));
        assertTrue(tx(c -> store.returnExpired(c, 100)).stream().noneMatch(r -> r.leaseId().equals("l107-dead")));
        assertEquals(Map.of(), tx(c -> store.renew(c, "node-dead", List.of("l107-dead"), TTL_S)),
                "a returned lease is not renewed");
        assertInvariantsOk(dataSource);
    }

    static String funded(long developerId, long micros) throws SQLException {
        grant(dataSource, developerId, micros, "lease-grant-" + developerId);
        return AccountCodes.developerCredit(developerId);
    }

    private LeaseGrant acquire(String lease, String account, String node, long want, long min) {
        return tx(c -> store.acquire(c, lease, account, node, want, min, TTL_S));
    }

    private boolean giveBack(String lease, long micros, boolean close) {
        return tx(c -> store.giveBack(c, lease, micros, close));
    }

    static long leaseHeld(String lease) throws SQLException {
        return count(dataSource, "SELECT held_micros FROM balance_lease WHERE id = ?", lease);
    }

    static void expire(DataSource in, String lease) throws SQLException {
        try (var c = in.getConnection(); var s = c.prepareStatement(
                "UPDATE balance_lease SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setString(1, lease);
            s.executeUpdate();
        }
    }

    private static <T> T tx(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "test", work);
    }
}
