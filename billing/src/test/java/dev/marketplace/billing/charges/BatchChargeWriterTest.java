package dev.marketplace.billing.charges;

import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static dev.marketplace.billing.testing.Fixtures.grant;
import static dev.marketplace.billing.testing.Fixtures.held;
import static dev.marketplace.billing.testing.Fixtures.holdStatus;
import static dev.marketplace.billing.testing.Fixtures.placeHold;
import static dev.marketplace.billing.testing.Fixtures.postingCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.holds.BatchHoldStore;
import dev.marketplace.billing.holds.HoldRequest;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.testing.LedgerDump;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchChargeWriterTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private final BatchChargeWriter writer = new BatchChargeWriter();
    private final HoldStore holds = new HoldStore();

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
    }

    @Test
    void aBatchMovesExactAmountsAndSettlesItsHolds() throws SQLException {
        String developer = AccountCodes.developerCredit(40);
        String payee = AccountCodes.providerPayable(140);
        String fee = "t40:fee";
        grant(dataSource, 40, 5_000_000, "b40-grant");
        placeHold(dataSource, "b40-h1", developer, 2_000_000);
        placeHold(dataSource, "b40-h2", developer, 1_000_000);
        placeHold(dataSource, "b40-h3", developer, 500_000);

        List<FeeSplit> splits = settleAll(List.of(
                new UsageCharge("b40-u1", "b40-h1", 40, payee, fee, 1_234_567, 500),
                new UsageCharge("b40-u2", "b40-h2", 40, AccountCodes.REVENUE_PLATFORM_PROVIDER, fee, 999_999, 1_000),
                new UsageCharge("b40-u3", "b40-h3", 40, payee, fee, 0, 500),    // no journal, hold settled
                new UsageCharge("b40-u4", null, 40, payee, fee, 19, 0)));       // no fee posting

        assertEquals(List.of(new FeeSplit(1_234_567, 61_728, 1_172_839), new FeeSplit(999_999, 100_000, 899_999),
                new FeeSplit(0, 0, 0), new FeeSplit(19, 0, 19)), splits);
        assertEquals(5_000_000 - 1_234_567 - 999_999 - 19, balance(dataSource, developer));
        assertEquals(1_172_839 + 19, balance(dataSource, payee));
        assertEquals(899_999, balance(dataSource, AccountCodes.REVENUE_PLATFORM_PROVIDER));
        assertEquals(61_728 + 100_000, balance(dataSource, fee));
        assertEquals(0, held(dataSource, developer));
        for (String hold : List.of("b40-h1", "b40-h2", "b40-h3")) {
            assertEquals("settled", holdStatus(dataSource, hold));
        }
        assertEquals(3, postingCount(dataSource, "b40-u1"));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?", "b40-u3"));
        assertEquals(2, postingCount(dataSource, "b40-u4"));
        assertEquals(1, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?"
                + " AND kind = 'usage' AND memo = 'usage at 500 bps, hold b40-h1'", "b40-u1"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aKeyChargesOnceWithinAndAcrossBatches() throws SQLException {
        String developer = AccountCodes.developerCredit(41);
        grant(dataSource, 41, 3_000_000, "b41-grant");
        placeHold(dataSource, "b41-a", developer, 1_000_000);
        placeHold(dataSource, "b41-b", developer, 1_500_000);
        UsageCharge charge = new UsageCharge("b41-u", "b41-a", 41, "t41:payee", "t41:fee", 999_999, 1_000);
        // the replay names another open hold: it must not settle it
        UsageCharge replay = new UsageCharge("b41-u", "b41-b", 41, "t41:payee", "t41:fee", 999_999, 1_000);

        List<FeeSplit> first = settleAll(List.of(charge, replay, charge));
        List<String> books = LedgerDump.lines(dataSource);
        List<FeeSplit> again = settleAll(List.of(replay, charge));

        assertEquals(List.of(new FeeSplit(999_999, 100_000, 899_999), new FeeSplit(999_999, 100_000, 899_999),
                new FeeSplit(999_999, 100_000, 899_999)), first);
        assertEquals(first.subList(0, 2), again);
        assertEquals(books, LedgerDump.lines(dataSource));
        assertEquals(1, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?", "b41-u"));
        assertEquals(3_000_000 - 999_999, balance(dataSource, developer));
        assertEquals(899_999, balance(dataSource, "t41:payee"));
        assertEquals(100_000, balance(dataSource, "t41:fee"));
        assertEquals("settled", holdStatus(dataSource, "b41-a"));
        assertEquals("open", holdStatus(dataSource, "b41-b"));
        assertEquals(1_500_000, held(dataSource, developer));
        assertInvariantsOk(dataSource);
    }

    @Test
    void oneRejectedChargeWritesNothingOfTheBatch() throws SQLException {
        String developer = AccountCodes.developerCredit(42);
        grant(dataSource, 42, 1_000_000, "b42-grant");
        placeHold(dataSource, "b42-a", developer, 100_000);
        placeHold(dataSource, "b42-b", developer, 200_000);
        List<UsageCharge> valid = List.of(
                new UsageCharge("b42-u1", "b42-a", 42, "t42:payee", "t42:fee", 100_000, 500),
                new UsageCharge("b42-u2", null, 42, "t42:payee", "t42:fee", 5, 500));
        List<String> before = LedgerDump.lines(dataSource);
        List<UsageCharge> overHold = withLast(valid, new UsageCharge("b42-u3", "b42-b", 42, "t42:payee", "t42:fee",
                200_001, 500));
        List<UsageCharge> unknownHold = withLast(valid, new UsageCharge("b42-u3", "b42-x", 42, "p", "f", 1, 500));
        List<UsageCharge> otherAccount = withLast(valid, new UsageCharge("b42-u3", "b42-b", 43, "p", "f", 1, 500));

        for (List<UsageCharge> batch : List.of(overHold, unknownHold, otherAccount)) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                IllegalStateException rejected = assertThrows(IllegalStateException.class,
                        () -> writer.settleAll(c, batch));
                assertTrue(rejected.getMessage().contains("b42-"), rejected.getMessage());
                // nothing written, even before the caller rolls back
                assertEquals(0, countIn(c, "SELECT count(*) FROM ledger_journal WHERE idempotency_key LIKE 'b42-u%'"));
                assertEquals(0, countIn(c, "SELECT count(*) FROM ledger_hold WHERE id LIKE 'b42-%' AND status <> 'open'"));
                assertEquals(300_000, countIn(c, "SELECT held_micros FROM account_balance WHERE account_code = '"
                        + developer + "'"));
                c.rollback();
            }
        }
        assertEquals(before, LedgerDump.lines(dataSource));

        settleAll(valid);
        assertEquals(1_000_000 - 100_005, balance(dataSource, developer));
        assertEquals(200_000, held(dataSource, developer));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aReleasedHoldIsLeftAloneAndAZeroGrossChargeStillSettlesItsHold() throws SQLException {
        String developer = AccountCodes.developerCredit(44);
        grant(dataSource, 44, 1_000_000, "b44-grant");
        placeHold(dataSource, "b44-released", developer, 400_000);
        placeHold(dataSource, "b44-zero", developer, 100_000);
        try (Connection c = dataSource.getConnection()) {
            assertTrue(holds.release(c, "b44-released"));
        }

        settleAll(List.of(new UsageCharge("b44-u1", "b44-released", 44, "t44:payee", "t44:fee", 300_000, 500),
                new UsageCharge("b44-u2", "b44-zero", 44, "t44:payee", "t44:fee", 0, 500)));

        assertEquals("released", holdStatus(dataSource, "b44-released"));
        assertEquals("settled", holdStatus(dataSource, "b44-zero"));
        assertEquals(0, held(dataSource, developer));
        assertEquals(700_000, balance(dataSource, developer));
        assertEquals(0, settleAll(List.of()).size());
        assertInvariantsOk(dataSource);
    }

    @Test
    void timing256SettlesItemByItemVersusBatched() throws SQLException {
        String developer = AccountCodes.developerCredit(45);
        grant(dataSource, 45, 1_000_000_000_000L, "b45-grant");
        ChargeWriter items = new ChargeWriter();
        HoldStore holdStore = new HoldStore();
        BatchHoldStore batchHolds = new BatchHoldStore();
        int size = 256;
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int run = 0; run < 6; run++) {
            for (int mode = 0; mode < 2; mode++) {
                String prefix = "b45-" + run + "-" + mode + "-";
                List<HoldRequest> requests = new ArrayList<>();
                List<UsageCharge> charges = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    requests.add(new HoldRequest(prefix + "h" + i, developer, 10_000));
                    charges.add(new UsageCharge(prefix + "u" + i, prefix + "h" + i, 45,
                            AccountCodes.providerPayable(1 + i % 8), AccountCodes.REVENUE_TAKE, 1 + i * 37L, 500));
                }
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    long start = System.nanoTime();
                    if (mode == 0) {
                        for (HoldRequest r : requests) {
                            holdStore.place(c, r.holdId(), r.accountCode(), r.amountMicros());
                        }
                    } else {
                        batchHolds.placeAll(c, requests);
                    }
                    long placed = System.nanoTime();
                    if (mode == 0) {
                        for (UsageCharge charge : charges) {
                            items.settle(c, charge);
                        }
                    } else {
                        writer.settleAll(c, charges);
                    }
                    long settled = System.nanoTime();
                    c.commit();
                    best[mode] = Math.min(best[mode], placed - start);
                    best[2 + mode] = Math.min(best[2 + mode], settled - placed);
                }
            }
        }
        System.out.printf("timing (best of 6, one transaction, %d items, before commit): place item-by-item %.1f ms,"
                        + " placeAll %.1f ms; settle item-by-item %.1f ms, settleAll %.1f ms%n", size,
                best[0] / 1e6, best[1] / 1e6, best[2] / 1e6, best[3] / 1e6);
        assertInvariantsOk(dataSource);
    }

    private static List<UsageCharge> withLast(List<UsageCharge> charges, UsageCharge last) {
        List<UsageCharge> all = new ArrayList<>(charges);
        all.add(last);
        return all;
    }

    private List<FeeSplit> settleAll(List<UsageCharge> charges) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<FeeSplit> splits = writer.settleAll(c, charges);
                c.commit();
                return splits;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static long countIn(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
