package dev.marketplace.billing.charges;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.credits.CreditGrants;
import dev.marketplace.billing.holds.BatchHoldStore;
import dev.marketplace.billing.holds.HoldRequest;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.InvariantReport;
import dev.marketplace.billing.ledger.LedgerQueries;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.testing.LedgerDump;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The batch writers must leave exactly the books the item-by-item writers leave. The same random scenario
 * (grants; hold batches with requests that do not fit, unknown accounts and reused ids; releases; charge
 * batches with gross 0, equal to and below the hold, replayed keys, released and settled holds, and sometimes
 * a rejected charge) runs in two fresh databases: item by item in one transaction per batch in the first,
 * with the batch writer under test in the second. Outcomes and every table's content are compared after each
 * step.
 */
class BatchEquivalenceTest {

    private static final int DEVELOPERS = 5;
    private static final int ROUNDS = 30;

    @Test
    void batchHoldsLeaveTheSameBooksAsItemByItemHolds() throws Exception {
        Stats stats = run(new SplittableRandom(20261125), true, false);
        assertTrue(stats.holdsRejected > 20 && stats.holdsGranted > 100, stats.toString());
    }

    @Test
    void batchChargesLeaveTheSameBooksAsItemByItemCharges() throws Exception {
        Stats stats = run(new SplittableRandom(5005), false, true);
        assertTrue(stats.replays > 20 && stats.rejectedBatches > 3 && stats.charges > 300, stats.toString());
    }

    @Test
    void bothBatchWritersTogetherOnAnotherSeed() throws Exception {
        run(new SplittableRandom(42), true, true);
    }

    // ---------------------------------------------------------------------------------------------------

    private interface Step<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What a transaction returned, or which failure it raised (class, SQL state or message). */
    private record Outcome(Object result, String failure) {
    }

    private static final class Stats {
        int holdsGranted, holdsRejected, charges, replays, rejectedBatches, failedHoldBatches;

        @Override
        public String toString() {
            return "granted=" + holdsGranted + " rejected=" + holdsRejected + " charges=" + charges + " replays="
                    + replays + " rejectedChargeBatches=" + rejectedBatches + " failedHoldBatches=" + failedHoldBatches;
        }
    }

    private record KnownHold(String id, int developer, long amountMicros) {
    }

    private final HoldStore holdStore = new HoldStore();
    private final BatchHoldStore batchHolds = new BatchHoldStore();
    private final ChargeWriter chargeWriter = new ChargeWriter();
    private final BatchChargeWriter batchCharges = new BatchChargeWriter();

    private Stats run(SplittableRandom random, boolean batchHoldsInB, boolean batchChargesInB) throws Exception {
        try (TestDatabase a = TestDatabase.create(); TestDatabase b = TestDatabase.create()) {
            DataSource itemByItem = a.dataSource();
            DataSource batched = b.dataSource();
            Stats stats = new Stats();
            List<KnownHold> holds = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                grants(random, round, itemByItem, batched);

                List<HoldRequest> requests = holdRequests(random, round, holds);
                Step<Object> itemHolds = c -> placeItemByItem(c, requests);
                Step<Object> batchHoldStep = batchHoldsInB ? c -> batchHolds.placeAll(c, requests) : itemHolds;
                Outcome placed = bothEqual(itemByItem, batched, itemHolds, batchHoldStep, "holds round " + round);
                if (placed.failure() == null) {
                    boolean[] granted = (boolean[]) placed.result();
                    for (int i = 0; i < granted.length; i++) {
                        HoldRequest r = requests.get(i);
                        if (granted[i]) {
                            stats.holdsGranted++;
                            holds.add(new KnownHold(r.holdId(), developerOf(r.accountCode()), r.amountMicros()));
                        } else {
                            stats.holdsRejected++;
                        }
                    }
                } else {
                    stats.failedHoldBatches++;
                }

                List<String> released = new ArrayList<>();
                for (KnownHold hold : holds) {
                    if (random.nextInt(10) == 0) {
                        released.add(hold.id());
                    }
                }
                Step<Object> release = c -> {
                    List<Boolean> results = new ArrayList<>();
                    for (String id : released) {
                        results.add(holdStore.release(c, id));
                    }
                    return results;
                };
                bothEqual(itemByItem, batched, release, release, "releases round " + round);

                List<UsageCharge> charges = charges(random, round, holds, keys, stats);
                int failAt = random.nextInt(4) == 0 ? random.nextInt(charges.size() + 1) : -1;
                if (failAt >= 0) {
                    List<UsageCharge> failing = new ArrayList<>(charges);
                    failing.add(failAt, rejectedCharge(random, round, holds));
                    Outcome rejected = settleBoth(itemByItem, batched, failing, batchChargesInB, round + " (rejected)");
                    assertTrue(rejected.failure() != null && rejected.failure().startsWith("IllegalStateException"),
                            String.valueOf(rejected));
                    stats.rejectedBatches++;
                }
                Outcome settled = settleBoth(itemByItem, batched, charges, batchChargesInB, String.valueOf(round));
                assertEquals(null, settled.failure());
                charges.forEach(c -> keys.add(c.idempotencyKey()));
            }
            for (DataSource dataSource : List.of(itemByItem, batched)) {
                InvariantReport report = Transactions.inSnapshot(dataSource, "check", new LedgerQueries()::check);
                assertTrue(report.ok(), report.toString());
            }
            System.out.println("BatchEquivalenceTest batchHolds=" + batchHoldsInB + " batchCharges="
                    + batchChargesInB + ": " + stats + ", " + LedgerDump.lines(batched).size() + " lines compared");
            return stats;
        }
    }

    private Outcome settleBoth(DataSource itemByItem, DataSource batched, List<UsageCharge> charges,
                               boolean batchChargesInB, String round) throws SQLException {
        Step<Object> items = c -> {
            List<FeeSplit> splits = new ArrayList<>();
            for (UsageCharge charge : charges) {
                splits.add(chargeWriter.settle(c, charge));
            }
            return splits;
        };
        Step<Object> batch = batchChargesInB ? c -> batchCharges.settleAll(c, charges) : items;
        return bothEqual(itemByItem, batched, items, batch, "charges round " + round);
    }

    private boolean[] placeItemByItem(Connection connection, List<HoldRequest> requests) throws SQLException {
        boolean[] granted = new boolean[requests.size()];
        for (int i = 0; i < granted.length; i++) {
            HoldRequest r = requests.get(i);
            granted[i] = holdStore.place(connection, r.holdId(), r.accountCode(), r.amountMicros());
        }
        return granted;
    }

    /** Runs each step in its own transaction in its database; outcomes and books must be the same. */
    private static Outcome bothEqual(DataSource aSource, DataSource bSource, Step<Object> aStep, Step<Object> bStep,
                                     String what) throws SQLException {
        Outcome a = inTransaction(aSource, aStep);
        Outcome b = inTransaction(bSource, bStep);
        assertEquals(a.failure(), b.failure(), what);
        if (a.result() instanceof boolean[] granted) {
            assertArrayEquals(granted, (boolean[]) b.result(), what);
        } else {
            assertEquals(a.result(), b.result(), what);
        }
        LedgerDump.assertSameBooks(aSource, bSource, what);
        return a;
    }

    private static Outcome inTransaction(DataSource dataSource, Step<Object> step) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Object result = step.run(c);
                c.commit();
                return new Outcome(result, null);
            } catch (SQLException e) {
                c.rollback();
                return new Outcome(null, "SQLException " + e.getSQLState());
            } catch (RuntimeException e) {
                c.rollback();
                return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    // --- the scenario -------------------------------------------------------------------------------------

    private static void grants(SplittableRandom random, int round, DataSource... dataSources) {
        int count = round == 0 ? DEVELOPERS : random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int developer = round == 0 ? i + 1 : random.nextInt(1, DEVELOPERS + 1);
            long amount = random.nextLong(1, 4_000_000);
            String key = "grant-" + round + "-" + i;
            for (DataSource dataSource : dataSources) {
                Transactions.inTransaction(dataSource, key, c -> new LedgerWriter()
                        .post(c, CreditGrants.journal(developer, amount, key, null)));
            }
        }
    }

    private static List<HoldRequest> holdRequests(SplittableRandom random, int round, List<KnownHold> known) {
        int count = random.nextInt(1, 41);
        List<HoldRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String account = random.nextInt(12) == 0 ? "developer:77:credit"
                    : AccountCodes.developerCredit(random.nextInt(1, DEVELOPERS + 1));
            long amount = switch (random.nextInt(5)) {
                case 0 -> random.nextLong(1, 1_000);
                case 1 -> random.nextLong(1, 200_000);
                case 2 -> random.nextLong(1, 1_500_000);
                case 3 -> random.nextLong(1_000_000, 6_000_000);
                default -> 9_000_000_000L; // never fits
            };
            String id = "h-" + round + "-" + i;
            if (!known.isEmpty() && random.nextInt(20) == 0) {
                // a used id with an amount that cannot fit: not granted, so no duplicate error either way
                id = known.get(random.nextInt(known.size())).id();
                amount = 9_000_000_000_000L;
            }
            requests.add(new HoldRequest(id, account, amount));
        }
        if (random.nextInt(8) == 0) {
            // the same new id twice, small enough to be granted twice if there is credit: a duplicate-key failure
            HoldRequest first = requests.get(random.nextInt(requests.size()));
            requests.add(new HoldRequest(first.holdId(), first.accountCode(), 1));
        }
        return requests;
    }

    private static List<UsageCharge> charges(SplittableRandom random, int round, List<KnownHold> holds,
                                             List<String> keys, Stats stats) {
        int count = random.nextInt(1, 51);
        List<UsageCharge> charges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "u-" + round + "-" + i;
            boolean replay = random.nextInt(6) == 0 && (!keys.isEmpty() || !charges.isEmpty());
            if (replay) {
                int pick = random.nextInt(keys.size() + charges.size());
                key = pick < keys.size() ? keys.get(pick) : charges.get(pick - keys.size()).idempotencyKey();
                stats.replays++;
            }
            String payee = switch (random.nextInt(6)) {
                case 0 -> AccountCodes.REVENUE_PLATFORM_PROVIDER;
                case 1 -> AccountCodes.REVENUE_TAKE; // payee and fee on one account: merged deltas
                default -> AccountCodes.providerPayable(random.nextInt(1, 4));
            };
            int bps = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> 10_000;
                case 2 -> 500;
                default -> random.nextInt(0, 10_001);
            };
            if (!holds.isEmpty() && random.nextInt(10) < 7) {
                // recent holds more often: they are still open
                int index = Math.max(0, holds.size() - 1 - (int) Math.abs(random.nextGaussian() * 40));
                KnownHold hold = holds.get(index);
                long gross = switch (random.nextInt(5)) {
                    case 0 -> 0;
                    case 1 -> hold.amountMicros();
                    default -> random.nextLong(0, hold.amountMicros() + 1);
                };
                charges.add(new UsageCharge(key, hold.id(), hold.developer(), payee, AccountCodes.REVENUE_TAKE,
                        gross, bps));
            } else {
                long gross = random.nextInt(8) == 0 ? 0 : random.nextLong(1, 60_000);
                charges.add(new UsageCharge(key, null, random.nextInt(1, DEVELOPERS + 1), payee,
                        AccountCodes.REVENUE_TAKE, gross, bps));
            }
        }
        stats.charges += count;
        return charges;
    }

    private static UsageCharge rejectedCharge(SplittableRandom random, int round, List<KnownHold> holds) {
        String key = "rejected-" + round;
        if (holds.isEmpty() || random.nextInt(3) == 0) {
            return new UsageCharge(key, "no-such-hold-" + round, 1, "p", "f", 1, 500);
        }
        KnownHold hold = holds.get(random.nextInt(holds.size()));
        if (random.nextBoolean()) {
            return new UsageCharge(key, hold.id(), hold.developer(), AccountCodes.providerPayable(1),
                    AccountCodes.REVENUE_TAKE, hold.amountMicros() + 1, 500);
        }
        int other = hold.developer() % DEVELOPERS + 1;
        return new UsageCharge(key, hold.id(), other, AccountCodes.providerPayable(1), AccountCodes.REVENUE_TAKE,
                1, 500);
    }

    private static int developerOf(String account) {
        return Integer.parseInt(Objects.requireNonNull(account).split(":")[1]);
    }
}
