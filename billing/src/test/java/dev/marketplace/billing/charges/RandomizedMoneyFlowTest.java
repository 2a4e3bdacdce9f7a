package dev.marketplace.billing.charges;

import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.held;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.credits.CreditGrants;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.InvariantReport;
import dev.marketplace.billing.ledger.LedgerQueries;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.testing.BoundedDataSource;
import dev.marketplace.billing.testing.Fixtures;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many threads grant, hold, settle (sometimes twice) and release at random; afterwards every account must
 * match, to the micro, what the test itself counted, and the ledger's invariants must hold.
 */
class RandomizedMoneyFlowTest {

    private static final int DEVELOPERS = 5;
    private static final int PROVIDERS = 3;
    private static final int THREADS = 8;
    private static final int ROUNDS_PER_THREAD = 150;
    private static final String FEE_ACCOUNT = AccountCodes.REVENUE_TAKE;

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;

    private final LedgerWriter writer = new LedgerWriter();
    private final HoldStore holds = new HoldStore();
    private final ChargeWriter charges = new ChargeWriter();

    private final AtomicLongArray grantedMicros = new AtomicLongArray(DEVELOPERS + 1);
    private final AtomicLongArray chargedMicros = new AtomicLongArray(DEVELOPERS + 1);
    private final AtomicLongArray openHeldMicros = new AtomicLongArray(DEVELOPERS + 1);
    private final AtomicLongArray shareMicros = new AtomicLongArray(PROVIDERS + 1);
    private final AtomicLongArray feeMicros = new AtomicLongArray(1);

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = new BoundedDataSource(database.dataSource(), THREADS);
    }

    @Test
    void randomFlowsKeepEveryMicro() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    runRounds(thread, new SplittableRandom(1000 + thread));
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }

        long totalGranted = 0;
        for (int d = 1; d <= DEVELOPERS; d++) {
            String account = AccountCodes.developerCredit(d);
            assertEquals(grantedMicros.get(d) - chargedMicros.get(d), balance(dataSource, account), account);
            assertEquals(openHeldMicros.get(d), held(dataSource, account), account);
            totalGranted += grantedMicros.get(d);
        }
        long totalShares = 0;
        for (int p = 1; p <= PROVIDERS; p++) {
            assertEquals(shareMicros.get(p), balance(dataSource, AccountCodes.providerPayable(p)));
            totalShares += shareMicros.get(p);
        }
        assertEquals(feeMicros.get(0), balance(dataSource, FEE_ACCOUNT));
        assertEquals(-totalGranted, balance(dataSource, AccountCodes.PROMOTIONS));
        long totalCharged = 0;
        for (int d = 1; d <= DEVELOPERS; d++) {
            totalCharged += chargedMicros.get(d);
        }
        assertEquals(totalCharged, totalShares + feeMicros.get(0));
        assertTrue(totalCharged > 0 && totalGranted > 0, "the run must actually move money");

        InvariantReport report = Transactions.inSnapshot(dataSource, "check", new LedgerQueries()::check);
        assertEquals(new InvariantReport(0, 0, 0), report);
        assertTrue(report.ok());
    }

    private void runRounds(int thread, SplittableRandom random) throws SQLException {
        for (int round = 0; round < ROUNDS_PER_THREAD; round++) {
            String id = thread + "-" + round;
            int developer = random.nextInt(1, DEVELOPERS + 1);
            int op = random.nextInt(10);
            if (op < 2) {
                grant(developer, random.nextLong(1, 5_000_000), "grant-" + id, random.nextInt(4) == 0);
            } else if (op < 9) {
                holdThenFinish(developer, id, random);
            } else {
                settleWithoutHold(developer, id, random);
            }
        }
    }

    private void grant(int developer, long amountMicros, String key, boolean retry) {
        boolean posted = Transactions.inTransaction(dataSource, key,
                c -> writer.post(c, CreditGrants.journal(developer, amountMicros, key, null)));
        assertTrue(posted);
        grantedMicros.addAndGet(developer, amountMicros);
        if (retry) {
            boolean again = Transactions.inTransaction(dataSource, key,
                    c -> writer.post(c, CreditGrants.journal(developer, amountMicros, key, null)));
            assertFalse(again);
        }
    }

    private void holdThenFinish(int developer, String id, SplittableRandom random) {
        String account = AccountCodes.developerCredit(developer);
        String holdId = "hold-" + id;
        long holdMicros = random.nextLong(1, 2_000_000);
        boolean placed = Transactions.inTransaction(dataSource, holdId,
                c -> holds.place(c, holdId, account, holdMicros));
        if (!placed) {
            return;
        }
        openHeldMicros.addAndGet(developer, holdMicros);
        int finish = random.nextInt(10);
        if (finish < 6) {
            long grossMicros = random.nextInt(5) == 0 ? 0 : random.nextLong(0, holdMicros + 1);
            int provider = random.nextInt(1, PROVIDERS + 1);
            UsageCharge charge = new UsageCharge("usage-" + id, holdId, developer,
                    AccountCodes.providerPayable(provider), FEE_ACCOUNT, grossMicros, random.nextInt(0, 2_001));
            settle(charge, provider);
            if (random.nextBoolean()) {
                settle(charge, -1); // a retry: must change nothing
            }
        } else if (finish < 9) {
            boolean released = Transactions.inTransaction(dataSource, holdId, c -> holds.release(c, holdId));
            assertTrue(released);
            openHeldMicros.addAndGet(developer, -holdMicros);
            if (random.nextBoolean()) {
                boolean releasedAgain = Transactions.inTransaction(dataSource, holdId,
                        c -> holds.release(c, holdId));
                assertFalse(releasedAgain);
            }
        }
        // else: the hold stays open
    }

    private void settleWithoutHold(int developer, String id, SplittableRandom random) {
        int provider = random.nextInt(1, PROVIDERS + 1);
        settle(new UsageCharge("usage-" + id, null, developer, AccountCodes.providerPayable(provider),
                FEE_ACCOUNT, random.nextLong(1, 50_000), 500), provider);
    }

    /** Settles and counts the money; {@code provider < 0} marks a retry, which must not be counted. */
    private void settle(UsageCharge charge, int provider) {
        FeeSplit split = Transactions.inTransaction(dataSource, charge.idempotencyKey(),
                c -> charges.settle(c, charge));
        assertEquals(Money.split(charge.grossMicros(), charge.takeRateBps()), split);
        if (provider < 0) {
            return;
        }
        int developer = (int) charge.developerId();
        chargedMicros.addAndGet(developer, split.grossMicros());
        shareMicros.addAndGet(provider, split.shareMicros());
        feeMicros.addAndGet(0, split.feeMicros());
        if (charge.holdId() != null) {
            long holdMicros = openHeldDelta(charge.holdId());
            openHeldMicros.addAndGet(developer, -holdMicros);
        }
    }

    private static long openHeldDelta(String holdId) {
        try {
            return Fixtures.count(dataSource,
                    "SELECT amount_micros FROM ledger_hold WHERE id = ? AND status = 'settled'", holdId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
