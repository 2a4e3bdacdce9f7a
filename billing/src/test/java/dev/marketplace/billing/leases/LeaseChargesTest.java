package dev.marketplace.billing.leases;

import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.available;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static dev.marketplace.billing.testing.Fixtures.grant;
import static dev.marketplace.billing.testing.Fixtures.held;
import static dev.marketplace.billing.testing.Fixtures.postingCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.jdbc.StatementPrefix;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeaseChargesTest {
    private static final String PAYEE = AccountCodes.providerPayable(7);
    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private final LeaseStore store = new LeaseStore();
    private final LeaseCharges charges = new LeaseCharges();

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
    }

    @Test
    void aChargeShrinksItsLeaseAndLeavesTheAvailableBalanceAsItWas() throws SQLException {
        String account = funded(201, 10_000);
        lease("l201", account, 4_000);
        assertEquals(6_000, available(dataSource, account));

        settle(charge(201, "gen-201-a", 1_000, "l201", 1_500), charge(201, "gen-201-b", 700, "l201", 700));

        assertEquals(8_300, balance(dataSource, account));
        assertEquals(2_300, leaseHeld("l201"), "4,000 leased - 1,700 spent");
        assertEquals(2_300, held(dataSource, account));
        assertEquals(6_000, available(dataSource, account), "the lease had reserved what was spent");
        assertEquals(0, count(dataSource, "SELECT count(*) FROM ledger_hold WHERE id LIKE 'gen-201-%'"),
                "a lease-served call's hold was only in memory: no hold row");
        assertEquals(3, postingCount(dataSource, "gen-201-a"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aRepeatedChargeNeitherPostsNorShrinksTwice() throws SQLException {
        String account = funded(202, 10_000);
        lease("l202", account, 5_000);
        settle(charge(202, "gen-202", 1_000, "l202", 1_000));
        settle(charge(202, "gen-202", 1_000, "l202", 1_000), charge(202, "gen-202", 1_000, "l202", 1_000));

        assertEquals(9_000, balance(dataSource, account));
        assertEquals(4_000, leaseHeld("l202"));
        assertEquals(3, postingCount(dataSource, "gen-202"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aChargeOutlivingItsReturnedLeaseLandsOnlyIfTheAvailableBalanceCoversIt() throws SQLException {
        String account = funded(203, 3_000);
        lease("l203", account, 2_000);
        LeaseStoreTest.expire(dataSource, "l203");
        tx(c -> store.returnExpired(c, 100));
        assertEquals(3_000, available(dataSource, account));

        settle(charge(203, "gen-203-a", 2_500, "l203", 2_500)); // covered by the balance the lease went back to
        assertEquals(500, balance(dataSource, account));
        assertEquals(0, held(dataSource, account));

        assertThrows(UncoveredChargeException.class, () -> settle(charge(203, "gen-203-b", 501, "l203", 501)));
        assertEquals(500, balance(dataSource, account), "nothing written for the uncovered charge");
        assertEquals(0, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?", "gen-203-b"));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM ledger_hold WHERE id = ?", "gen-203-b"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aLeaseTooSmallForTheChargeFallsBackToTheAvailableBalance() throws SQLException {
        String account = funded(204, 1_000);
        lease("l204", account, 100);
        // 900 unleased: a 300 charge that the 100 lease cannot cover takes it from the available balance
        settle(charge(204, "gen-204", 300, "l204", 300));
        assertEquals(700, balance(dataSource, account));
        assertEquals(100, leaseHeld("l204"));
        assertEquals(600, available(dataSource, account));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aLeaseOfAnotherAccountNeverCoversAChargeAloneOrInABatch() throws SQLException {
        String account = funded(212, 1_000);
        String other = funded(213, 1_000);
        lease("l213", other, 800);
        settle(charge(212, "gen-212-a", 300, "l213", 300)); // alone: the one-charge function
        settle(charge(212, "gen-212-b", 200, "l213", 200), charge(212, "gen-212-c", 100, "l213", 100)); // a batch
        assertEquals(400, balance(dataSource, account), "all three came from 212's available balance");
        assertEquals(400, available(dataSource, account));
        assertEquals(800, leaseHeld("l213"), "213's lease gave nothing to 212's charges");
        assertEquals(1_000, balance(dataSource, other));
        assertEquals(200, available(dataSource, other));
        assertEquals(3, postingCount(dataSource, "gen-212-a"), "gross, share and fee: three postings");
        assertInvariantsOk(dataSource);
    }

    @Test
    void aFreeCallShrinksNothingButIsRecorded() throws SQLException {
        String account = funded(205, 1_000);
        lease("l205", account, 500);
        settle(charge(205, "gen-205", 0, "l205", 40));
        assertEquals(500, leaseHeld("l205"));
        assertEquals(1_000, balance(dataSource, account));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = 'gen-205'"), "nothing posted at gross 0");
        assertInvariantsOk(dataSource);
    }

    @Test
    void chargesTakeFromTheLeaseInBatchOrderAndOneThatNoLongerFitsFallsBackWhileLaterSmallerOnesStillFit() throws SQLException {
        String account = funded(207, 10_000);
        lease("l207", account, 1_000);
        // 600 fits (400 left), 500 does not (from the available balance), 300 fits again (100 left)
        settle(charge(207, "gen-207-a", 600, "l207", 600), charge(207, "gen-207-b", 500, "l207", 500),
                charge(207, "gen-207-c", 300, "l207", 300));
        assertEquals(100, leaseHeld("l207"));
        assertEquals(8_600, balance(dataSource, account));
        assertEquals(100, held(dataSource, account));
        assertEquals(8_500, available(dataSource, account), "9,000 unleased - the 500 the lease could not take");
        assertInvariantsOk(dataSource);
    }

    @Test
    void aBatchOfSeveralAccountsAndLeasesMovesEachMicroOnce() throws SQLException {
        String first = funded(208, 5_000);
        String second = funded(209, 5_000);
        lease("l208", first, 2_000);
        lease("l209", second, 2_000);
        settle(charge(208, "gen-208-a", 123, "l208", 200), charge(209, "gen-209-a", 77, "l209", 100),
                charge(208, "gen-208-a", 123, "l208", 200), charge(208, "gen-208-b", 1, "l208", 1),
                charge(209, "gen-209-b", 1_999, "l208", 2_000)); // the wrong lease: from the available balance
        assertEquals(5_000 - 124, balance(dataSource, first));
        assertEquals(5_000 - 77 - 1_999, balance(dataSource, second));
        assertEquals(2_000 - 124, leaseHeld("l208"));
        assertEquals(2_000 - 77, leaseHeld("l209"));
        assertEquals(3, postingCount(dataSource, "gen-208-a"), "posted once though it came twice");
        assertEquals(3_000, available(dataSource, first));
        assertEquals(3_000 - 1_999, available(dataSource, second));
        assertInvariantsOk(dataSource);
    }

    @Test
    void anUncoveredChargeLeavesTheWholeBatchUnwritten() throws SQLException {
        String account = funded(210, 1_000);
        lease("l210", account, 1_000);
        assertThrows(UncoveredChargeException.class, () -> settle(charge(210, "gen-210-a", 400, "l210", 400),
                charge(210, "gen-210-b", 700, "l210", 700))); // 600 left in the lease, 0 available
        assertEquals(1_000, balance(dataSource, account));
        assertEquals(1_000, leaseHeld("l210"));
        assertEquals(0, postingCount(dataSource, "gen-210-a"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void withAStatementPrefixTheCallersWriteAndTheSettlementAreOneStatementThatStandsOrFallsWhole() throws SQLException {
        String account = funded(211, 1_000);
        lease("l211", account, 1_000);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE prefix_probe (id text PRIMARY KEY)");
            assertTrue(c.getAutoCommit(), "the statement is its own transaction");
            charges.settleAll(c, List.of(charge(211, "gen-211-a", 300, "l211", 300)), probe(c, "gen-211-a"));
            UncoveredChargeException uncovered = assertThrows(UncoveredChargeException.class, () -> charges.settleAll(c,
                    List.of(charge(211, "gen-211-b", 900, "l211", 900)), probe(c, "gen-211-b"))); // 700 leased, 0 free
            assertTrue(uncovered.getMessage().contains("900"), uncovered.getMessage());
        }
        assertEquals(1, count(dataSource, "SELECT count(*) FROM prefix_probe WHERE id = 'gen-211-a'"));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM prefix_probe WHERE id = 'gen-211-b'"),
                "the refused settlement took the caller's write with it");
        assertEquals(700, balance(dataSource, account));
        assertEquals(700, leaseHeld("l211"));
        assertEquals(0, postingCount(dataSource, "gen-211-b"));
        assertInvariantsOk(dataSource);
    }

    /** A caller's write as the statement's {@code WITH} clause, with one parameter. */
    private static StatementPrefix probe(Connection c, String id) {
        return new StatementPrefix("WITH probe AS (INSERT INTO prefix_probe (id) VALUES (?)) ", ps -> {
            ps.setString(1, id);
            return 2;
        });
    }

    @Test
    void refusesAChargeAboveItsHold() {
        assertThrows(IllegalArgumentException.class, () -> charge(206, "gen-206", 11, "l206", 10));
    }

    private static String funded(long developerId, long micros) throws SQLException {
        grant(dataSource, developerId, micros, "lease-charge-grant-" + developerId);
        return AccountCodes.developerCredit(developerId);
    }

    private void lease(String id, String account, long micros) {
        LeaseGrant grant = tx(c -> store.acquire(c, id, account, "node-" + id, micros, micros, 30));
        assertEquals(micros, grant.grantedMicros());
    }

    private static LeasedCharge charge(long developerId, String generation, long gross, String lease, long hold) {
        return new LeasedCharge(new UsageCharge(generation, null, developerId, PAYEE, AccountCodes.REVENUE_TAKE, gross, 500),
                lease, generation, hold);
    }

    private void settle(LeasedCharge... batch) {
        tx(c -> charges.settleAll(c, List.of(batch)));
    }

    private static long leaseHeld(String lease) throws SQLException {
        return count(dataSource, "SELECT held_micros FROM balance_lease WHERE id = ?", lease);
    }

    private static <T> T tx(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "test", work);
    }
}
