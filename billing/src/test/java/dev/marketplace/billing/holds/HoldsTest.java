package dev.marketplace.billing.holds;

import static dev.marketplace.billing.testing.Fixtures.available;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static dev.marketplace.billing.testing.Fixtures.grant;
import static dev.marketplace.billing.testing.Fixtures.held;
import static dev.marketplace.billing.testing.Fixtures.holdStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.jdbc.BillingDataException;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.testing.BoundedDataSource;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HoldsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private static Holds holds;

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = new BoundedDataSource(database.dataSource(), 24);
        holds = new Holds(dataSource);
    }

    @Test
    void twoHundredConcurrentHoldsReserveExactlyWhatIsAvailable() throws Exception {
        long developerId = 1;
        String account = AccountCodes.developerCredit(developerId);
        long holdMicros = 1_234_567;
        int covered = 37;
        // one micro short of a 38th hold
        long grantMicros = holdMicros * (covered + 1) - 1;
        grant(dataSource, developerId, grantMicros, "holds-grant-1");

        int threads = 200;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong minAvailable = new AtomicLong(Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> sampler = pool.submit((Callable<Void>) () -> {
                start.await();
                while (running.get()) {
                    minAvailable.accumulateAndGet(available(dataSource, account), Math::min);
                }
                return null;
            });
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String holdId = "race-hold-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return holds.place(holdId, account, holdMicros);
                }));
            }
            start.countDown();
            int placed = 0;
            for (Future<Boolean> result : results) {
                placed += result.get() ? 1 : 0;
            }
            running.set(false);
            sampler.get();
            assertEquals(covered, placed);
        } finally {
            pool.shutdown();
        }
        assertTrue(minAvailable.get() >= 0, "available went negative: " + minAvailable.get());
        assertEquals(grantMicros, balance(dataSource, account));
        assertEquals(holdMicros * covered, held(dataSource, account));
        assertEquals(holdMicros - 1, available(dataSource, account));
        assertEquals(covered, count(dataSource,
                "SELECT count(*) FROM ledger_hold WHERE status = 'open' AND account_code = ?", account));
    }

    @Test
    void releaseHappensOnce() throws SQLException {
        long developerId = 2;
        String account = AccountCodes.developerCredit(developerId);
        grant(dataSource, developerId, 1_000_000, "holds-grant-2");

        assertTrue(holds.place("h2", account, 400_000));
        assertEquals(600_000, available(dataSource, account));
        assertTrue(holds.release("h2"));
        assertFalse(holds.release("h2"));
        assertEquals("released", holdStatus(dataSource, "h2"));
        assertEquals(0, held(dataSource, account));
        assertEquals(1_000_000, available(dataSource, account));
        assertEquals(1_000_000, balance(dataSource, account));
        assertFalse(holds.release("never-placed"));
    }

    @Test
    void placeFailsWhenInsufficientOrUnknownAndChangesNothing() throws SQLException {
        long developerId = 3;
        String account = AccountCodes.developerCredit(developerId);
        grant(dataSource, developerId, 500_000, "holds-grant-3");

        assertTrue(holds.place("h3-a", account, 500_000)); // exactly the available balance
        assertFalse(holds.place("h3-b", account, 1));
        assertFalse(holds.place("h3-c", "developer:999:credit", 1));
        assertEquals(null, holdStatus(dataSource, "h3-b"));
        assertEquals(500_000, held(dataSource, account));
        assertEquals(0, available(dataSource, account));
    }

    @Test
    void duplicateHoldIdFailsAndRollsBack() throws SQLException {
        long developerId = 4;
        String account = AccountCodes.developerCredit(developerId);
        grant(dataSource, developerId, 900_000, "holds-grant-4");

        assertTrue(holds.place("h4", account, 100_000));
        assertThrows(BillingDataException.class, () -> holds.place("h4", account, 200_000));
        assertEquals(100_000, held(dataSource, account));
        assertEquals(800_000, available(dataSource, account));
    }

    @Test
    void rejectsNonPositiveAmountsAndBlankIds() {
        assertThrows(IllegalArgumentException.class, () -> holds.place("h5", "a", 0));
        assertThrows(IllegalArgumentException.class, () -> holds.place("h5", "a", -1));
        assertThrows(IllegalArgumentException.class, () -> holds.place(" ", "a", 1));
    }
}
