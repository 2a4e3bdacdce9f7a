package dev.marketplace.billing.holds;

import static dev.marketplace.billing.testing.Fixtures.available;
import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static dev.marketplace.billing.testing.Fixtures.grant;
import static dev.marketplace.billing.testing.Fixtures.held;
import static dev.marketplace.billing.testing.Fixtures.holdStatus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchHoldStoreTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private final BatchHoldStore store = new BatchHoldStore();

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
    }

    @Test
    void keepsWhoPlacedEachHold() throws SQLException {
        String a = AccountCodes.developerCredit(41);
        grant(dataSource, 41, 1_000_000, "bh41-grant");

        placeAll(List.of(new HoldRequest("bo-1", a, 100, "node-a"), new HoldRequest("bo-2", a, 100)));

        assertEquals(1, count(dataSource, "SELECT count(*) FROM ledger_hold WHERE id = 'bo-1' AND owner = 'node-a'"));
        assertEquals(1, count(dataSource, "SELECT count(*) FROM ledger_hold WHERE id = 'bo-2' AND owner IS NULL"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void grantsInListOrderAgainstWhatEarlierGrantsLeft() throws SQLException {
        String a = AccountCodes.developerCredit(31);
        String b = AccountCodes.developerCredit(32);
        grant(dataSource, 31, 1_000_000, "bh31-grant");
        grant(dataSource, 32, 250_000, "bh32-grant");

        boolean[] granted = placeAll(List.of(
                new HoldRequest("bh-1", a, 600_000),             // 1,000,000 -> 400,000
                new HoldRequest("bh-2", a, 500_000),             // does not fit
                new HoldRequest("bh-3", b, 250_000),             // exactly b's balance
                new HoldRequest("bh-4", a, 400_000),             // exactly what is left
                new HoldRequest("bh-5", a, 1),                   // nothing left
                new HoldRequest("bh-6", b, 1),
                new HoldRequest("bh-7", "developer:999:credit", 1))); // unknown account

        assertArrayEquals(new boolean[] {true, false, true, true, false, false, false}, granted);
        assertEquals(1_000_000, held(dataSource, a));
        assertEquals(0, available(dataSource, a));
        assertEquals(1_000_000, balance(dataSource, a));
        assertEquals(250_000, held(dataSource, b));
        assertEquals("open", holdStatus(dataSource, "bh-1"));
        assertEquals("open", holdStatus(dataSource, "bh-4"));
        assertEquals(null, holdStatus(dataSource, "bh-2"));
        assertEquals(null, holdStatus(dataSource, "bh-7"));
        assertEquals(3, count(dataSource, "SELECT count(*) FROM ledger_hold WHERE id LIKE 'bh-%'"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aDuplicateGrantedIdFailsLikeHoldStoreAndTheCallerRollsBack() throws SQLException {
        String account = AccountCodes.developerCredit(33);
        grant(dataSource, 33, 1_000_000, "bh33-grant");
        assertArrayEquals(new boolean[] {true}, placeAll(List.of(new HoldRequest("bh33-a", account, 100_000))));

        // in the list, and already in the table
        assertThrows(SQLException.class, () -> placeAll(List.of(
                new HoldRequest("bh33-b", account, 1), new HoldRequest("bh33-b", account, 2))));
        assertThrows(SQLException.class, () -> placeAll(List.of(
                new HoldRequest("bh33-c", account, 1), new HoldRequest("bh33-a", account, 2))));
        assertEquals(100_000, held(dataSource, account));
        assertEquals(null, holdStatus(dataSource, "bh33-c"));

        // a duplicate that is not granted is never inserted: no error, as with HoldStore.place
        assertArrayEquals(new boolean[] {true, false}, placeAll(List.of(
                new HoldRequest("bh33-d", account, 1), new HoldRequest("bh33-a", account, 5_000_000))));
        assertEquals(100_001, held(dataSource, account));
        assertInvariantsOk(dataSource);
    }

    @Test
    void invalidRequestsFailBeforeAnythingIsWritten() throws SQLException {
        String account = AccountCodes.developerCredit(34);
        grant(dataSource, 34, 1_000, "bh34-grant");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThrows(IllegalArgumentException.class, () -> store.placeAll(c, List.of(
                    new HoldRequest("bh34-a", account, 1), new HoldRequest("bh34-b", account, 0))));
            assertThrows(IllegalArgumentException.class, () -> store.placeAll(c, List.of(
                    new HoldRequest("bh34-a", account, 1), new HoldRequest(" ", account, 1))));
            assertThrows(IllegalArgumentException.class, () -> store.placeAll(c, List.of(
                    new HoldRequest("x".repeat(HoldStore.MAX_HOLD_ID_LENGTH + 1), account, 1))));
            assertEquals(0, heldIn(c, account));
            c.rollback();
        }
        assertEquals(0, placeAll(List.of()).length);
        assertEquals(0, held(dataSource, account));
    }

    private boolean[] placeAll(List<HoldRequest> requests) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean[] granted = store.placeAll(c, requests);
                c.commit();
                return granted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static long heldIn(Connection c, String account) throws SQLException {
        try (var s = c.prepareStatement("SELECT held_micros FROM account_balance WHERE account_code = ?")) {
            s.setString(1, account);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
