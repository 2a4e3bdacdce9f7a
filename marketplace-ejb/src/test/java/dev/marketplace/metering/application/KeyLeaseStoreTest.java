package dev.marketplace.metering.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.holds.HoldRequest;
import dev.marketplace.billing.leases.UncoveredChargeException;
import dev.marketplace.keys.domain.LimitReset;
import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Key limit leases on PostgreSQL with the real tables, two simulated nodes A and B: grants never reserve more than
 * limit − spent − the other node's lease, a charge shrinks the lease in the usage record's transaction (once), leases
 * go back on give-back, close and expiry, recalls and key changes are reported at renewal, a charge whose lease
 * expired must fit in the limit, and per-call holds count open key leases.
 */
class KeyLeaseStoreTest {
    private static final int TTL = 20;
    private static final Instant TODAY = LimitReset.DAILY.periodStart(Instant.now());
    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();
    private static long developer;
    private static int keys;
    private final KeyLeaseStore store = new KeyLeaseStore();

    @BeforeAll
    static void catalogAndDeveloper() throws SQLException {
        db.insertOneListing();
        try (Connection c = db.dataSource().getConnection()) {
            developer = id(c, "insert into developer (username) values ('dev') returning id");
        }
    }

    @Test
    void twoNodesNeverLeaseMoreThanWhatRemainsOfTheLimit() throws SQLException {
        long key = newKey(1_000);
        try (Connection c = connection()) {
            usage(c, key, "old", 5_000, TODAY.minusSeconds(1)); // yesterday's: not in today's period
            usage(c, key, "u1", 100, TODAY.plusSeconds(1));
            c.commit();
            assertEquals(450, acquire(c, "A", key, 600, 100).grantedMicros()); // half of 900
            assertEquals(225, acquire(c, "B", key, 600, 100).grantedMicros()); // half of 450
            assertEquals(112, acquire(c, "A", key, 600, 100).grantedMicros()); // a top-up of A's lease
            assertEquals(100, acquire(c, "B", key, 600, 100).grantedMicros()); // 113 left: the minimum
            KeyLeaseGrant refused = acquire(c, "A", key, 600, 100);
            assertEquals(0, refused.grantedMicros(), "13 left, less than one call");
            assertEquals(13, refused.remainingAfterMicros());
            assertEquals(13, acquire(c, "B", key, 13, 13).grantedMicros(), "the last micro-dollars fit a small call");
            c.commit();
            assertEquals(1_000, KeyLeaseStore.spent(c, key, TODAY), "usage + leases = the limit, never more");
            assertEquals(562, held(c, lease("A", key)));
            assertEquals(338, held(c, lease("B", key)));
        }
    }

    @Test
    void aChargeShrinksItsLeaseOnceSoTheSpendDoesNotMove() throws SQLException {
        long key = newKey(1_000);
        try (Connection c = connection()) {
            acquire(c, "A", key, 500, 110);
            c.commit();
            long before = KeyLeaseStore.spent(c, key, TODAY);
            usage(c, key, "g1", 110, Instant.now());
            KeyLeaseStore.chargeAll(c, List.of(charge("g1", key, "A", 110), charge("g1", key, "A", 110)));
            c.commit();
            assertEquals(390, held(c, lease("A", key)), "shrunk once, also when the batch holds the charge twice");
            assertEquals(before, KeyLeaseStore.spent(c, key, TODAY));
            journal(c, "g1");
            KeyLeaseStore.chargeAll(c, List.of(charge("g1", key, "A", 110))); // a retry after the journal was posted
            c.commit();
            assertEquals(390, held(c, lease("A", key)), "a charge already posted shrinks nothing");
            KeyLeaseStore.chargeAll(c, List.of(charge("g0", key, "A", 0)));
            assertEquals(390, held(c, lease("A", key)), "a failed call costs nothing");
        }
    }

    @Test
    void givenBackClosedAndExpiredLeasesNoLongerCount() throws SQLException {
        long key = newKey(1_000);
        try (Connection c = connection()) {
            acquire(c, "A", key, 400, 100);
            acquire(c, "B", key, 200, 100);
            c.commit();
            assertEquals(600, KeyLeaseStore.spent(c, key, TODAY));
            assertTrue(store.giveBack(c, lease("A", key), 150, false));
            assertEquals(450, KeyLeaseStore.spent(c, key, TODAY));
            assertThrows(IllegalStateException.class, () -> store.giveBack(c, lease("A", key), 100, true),
                    "closing must give back all it holds");
            c.rollback();
            assertTrue(store.giveBack(c, lease("A", key), 400, true));
            assertFalse(store.giveBack(c, lease("A", key), 0, false), "a closed lease is gone");
            execute(c, "update key_lease set expires_at = now() - interval '1 second' where id = ?", lease("B", key));
            c.commit();
            assertTrue(store.returnExpired(c, 100).contains(lease("B", key)));
            c.commit();
            assertEquals(0, KeyLeaseStore.spent(c, key, TODAY));
            assertFalse(acquire(c, "B", key, 200, 100).open(), "a node never tops up a lease that was returned");
            assertEquals(200, queryLong(c, "select returned_micros from key_lease where id = ?", lease("B", key)));
        }
    }

    @Test
    void renewalReportsRecallsAndKeyChanges() throws SQLException {
        long key = newKey(1_000);
        try (Connection c = connection()) {
            acquire(c, "A", key, 300, 100);
            acquire(c, "B", key, 300, 100);
            c.commit();
            assertEquals(Map.of(lease("A", key), false), store.renew(c, "A", List.of(lease("A", key)), TTL));
            assertEquals(Map.of(), store.renew(c, "B", List.of(lease("A", key)), TTL), "only the owner renews");
            assertEquals(1, store.recallOthers(c, key, "B"));
            c.commit();
            assertEquals(1, store.pendingRecalls(c, key, "B"));
            assertEquals(Map.of(lease("A", key), true), store.renew(c, "A", List.of(lease("A", key)), TTL));
            assertTrue(store.giveBack(c, lease("A", key), 0, false)); // the answer, even with nothing free
            c.commit();
            assertEquals(0, store.pendingRecalls(c, key, "B"));
            assertEquals(Map.of(lease("B", key), false), store.renew(c, "B", List.of(lease("B", key)), TTL));
            for (String change : List.of("credit_limit_micros = 2000", "limit_reset = 'weekly'", "disabled = true",
                    "revoked_at = now()", "expires_at = now() - interval '1 second'")) {
                execute(c, "update api_key set " + change + " where id = ?", key);
                assertEquals(Map.of(lease("B", key), true), store.renew(c, "B", List.of(lease("B", key)), TTL), change);
                c.rollback();
            }
        }
    }

    @Test
    void aChargeThatOutlivedItsLeaseMustFitTheLimit() throws SQLException {
        long key = newKey(1_000);
        try (Connection c = connection()) {
            acquire(c, "A", key, 500, 100);
            acquire(c, "B", key, 500, 100);
            execute(c, "update key_lease set expires_at = now() - interval '1 second' where id = ?", lease("A", key));
            c.commit();
            store.returnExpired(c, 100);
            c.commit();
            usage(c, key, "late", 400, Instant.now()); // 400 + B's 250 fit in 1,000
            KeyLeaseStore.chargeAll(c, List.of(charge("late", key, "A", 400)));
            c.commit();
            assertEquals(650, KeyLeaseStore.spent(c, key, TODAY));
            usage(c, key, "too-late", 400, Instant.now()); // 1,050: over the limit, the charge fails whole
            assertThrows(UncoveredChargeException.class,
                    () -> KeyLeaseStore.chargeAll(c, List.of(charge("too-late", key, "A", 400))));
            c.rollback();
            assertEquals(650, KeyLeaseStore.spent(c, key, TODAY));
        }
    }

    @Test
    void perCallHoldsCountOpenKeyLeases() throws SQLException {
        long key = newKey(1_000);
        try (Connection c = connection()) {
            acquire(c, "A", key, 950, 100); // half of 1,000
            acquire(c, "B", key, 450, 100); // half of 500: 750 leased, 250 left
            c.commit();
            HoldAsk tooMuch = new HoldAsk(new HoldRequest("h1", "developer:" + developer + ":credit", 251, "C"), key,
                    1_000L, TODAY);
            assertEquals(List.of(HoldOutcome.KEY_LIMIT_REACHED), KeyLimitedHolds.placeAll(c, List.of(tooMuch)));
            c.rollback();
        }
    }

    private KeyLeaseGrant acquire(Connection c, String node, long key, long want, long min) throws SQLException {
        return store.acquire(c, lease(node, key), key, node, new KeyTerms(1_000, LimitReset.DAILY, TODAY), want, min, TTL);
    }

    private static KeyLeaseCharge charge(String usageId, long key, String node, long cost) {
        return new KeyLeaseCharge(usageId, key, lease(node, key), cost, TODAY);
    }

    private static String lease(String node, long key) {
        return node + ":key:" + key;
    }

    private static Connection connection() throws SQLException {
        Connection c = db.dataSource().getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static long newKey(long limitMicros) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            keys++;
            return id(c, "insert into api_key (developer_id, name, key_hash, key_hint, credit_limit_micros, limit_reset)"
                    + " values (" + developer + ", 'k" + keys + "', 'hash-" + keys + "', 'sk-…" + keys + "', "
                    + limitMicros + ", 'daily') returning id");
        }
    }

    private static void usage(Connection c, long key, String id, long costMicros, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id,
                    cost_micros, status, created_at)
                values (?, ?, ?, 'a/x', 'p', (select id from listing), ?, 'ok', ?)""")) {
            ps.setString(1, id + "-" + key);
            ps.setLong(2, developer);
            ps.setLong(3, key);
            ps.setLong(4, costMicros);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** A balanced journal under the key, as the charge writer posts it after the key leases were charged. */
    private static void journal(Connection c, String idempotencyKey) throws SQLException {
        long journal;
        try (PreparedStatement ps = c.prepareStatement("insert into ledger_journal (idempotency_key, kind, memo)"
                + " values (?, 'grant', 'test') returning id")) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                journal = rs.getLong(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("insert into ledger_account (code) values ('test:a'), ('test:b') on conflict do nothing");
            s.execute("insert into ledger_posting (journal_id, account_code, amount_micros) values (" + journal
                    + ", 'test:a', 1), (" + journal + ", 'test:b', -1)");
        }
    }

    private static long held(Connection c, String leaseId) throws SQLException {
        return queryLong(c, "select held_micros from key_lease where id = ?", leaseId);
    }

    private static long queryLong(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void execute(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            ps.executeUpdate();
        }
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
