package dev.marketplace.systemtests.webhooks;

import static dev.marketplace.systemtests.support.StripeWebhooks.CLEARING;
import static dev.marketplace.systemtests.support.StripeWebhooks.DISPUTES;
import static dev.marketplace.systemtests.support.StripeWebhooks.chargeRefunded;
import static dev.marketplace.systemtests.support.StripeWebhooks.checkoutCompleted;
import static dev.marketplace.systemtests.support.StripeWebhooks.deliver;
import static dev.marketplace.systemtests.support.StripeWebhooks.dispute;
import static dev.marketplace.systemtests.support.StripeWebhooks.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StripeWebhooks;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Refunds, disputes and deliveries as Stripe makes them, through {@code POST /api/webhooks/stripe}: each test
 * buys $10.00 for a developer of its own and asserts the exact balance and number of journals afterwards.
 */
class RefundsAndDisputesIT {
    private static final long CENTS = 1_000;
    private static final long MICROS = 10_000_000;

    @Test
    void theSameEventAHundredTimesInParallelCreditsOnce() throws Exception {
        FreshDeveloper developer = FreshDeveloper.create();
        String eventId = id("evt");
        String payload = checkoutCompleted(eventId, id("cs"), developer.id(), CENTS, id("pi"));
        String signature = StripeWebhooks.sign(payload, Instant.now().getEpochSecond());

        List<Integer> statuses = inParallel(100, () -> StripeWebhooks.post(payload, signature).statusCode());

        assertEquals(List.of(200), statuses.stream().distinct().toList());
        assertBooks(developer, MICROS, 1);
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from stripe_event where id = ?", eventId));
        }
    }

    @Test
    void anAsyncPaymentIsCreditedOnceWhenItSucceeds() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String session = id("cs");
        String intent = id("pi");

        ok(deliver(StripeWebhooks.checkoutSession(id("evt"), "checkout.session.completed", session, developer.id(),
                CENTS, intent, "unpaid")));
        assertBooks(developer, 0, 0);

        ok(deliver(StripeWebhooks.checkoutSession(id("evt"), "checkout.session.async_payment_succeeded", session,
                developer.id(), CENTS, intent, "paid")));
        ok(deliver(StripeWebhooks.checkoutSession(id("evt"), "checkout.session.async_payment_succeeded", session,
                developer.id(), CENTS, intent, "paid")));
        assertBooks(developer, MICROS, 1);
    }

    @Test
    void aReplayedOldRefundIsRefusedWithoutEffect() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = buy(developer);
        String eventId = id("evt");
        String refund = chargeRefunded(eventId, id("ch"), intent, CENTS, CENTS);

        HttpResponse<String> replay = StripeWebhooks.post(refund,
                StripeWebhooks.sign(refund, Instant.now().getEpochSecond() - 600));

        assertEquals(400, replay.statusCode(), () -> Http.describe(replay));
        assertBooks(developer, MICROS, 1);
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from stripe_event where id = ?", eventId));
        }
    }

    @Test
    void partialRefundsTwiceReverseEachNewDifferenceOnce() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = buy(developer);
        String charge = id("ch");

        ok(deliver(chargeRefunded(id("evt"), charge, intent, CENTS, 300)));
        ok(deliver(chargeRefunded(id("evt"), charge, intent, CENTS, 700)));
        // Stripe's older event arriving late, again under a new id: nothing more is reversed
        ok(deliver(chargeRefunded(id("evt"), charge, intent, CENTS, 300)));

        assertBooks(developer, 3_000_000, 3);
        try (Connection c = Db.connect()) {
            // ordered by account code, as Db.postings returns them
            assertEquals(List.of(new Db.Posting(developer.creditAccount(), -4_000_000),
                    new Db.Posting(CLEARING, 4_000_000)), Db.postings(c, "stripe:refund:" + charge + ":7000000"));
        }
    }

    @Test
    void aRefundBeforeTheCompletedCheckoutEndsWithTheRightBalance() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = id("pi");

        ok(deliver(chargeRefunded(id("evt"), id("ch"), intent, CENTS, 400)));
        assertBooks(developer, 0, 0);

        ok(deliver(checkoutCompleted(id("evt"), id("cs"), developer.id(), CENTS, intent)));
        assertBooks(developer, 6_000_000, 2);
    }

    @Test
    void aDisputeWonHoldsThenReleasesTheAmount() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = buy(developer);
        String disputeId = id("dp");

        ok(deliver(dispute(id("evt"), "charge.dispute.created", disputeId, intent, 800, "needs_response", 0)));
        assertBooks(developer, 2_000_000, 2);

        ok(deliver(dispute(id("evt"), "charge.dispute.closed", disputeId, intent, 800, "won", 0)));
        ok(deliver(dispute(id("evt"), "charge.dispute.closed", disputeId, intent, 800, "won", 0)));
        assertBooks(developer, MICROS, 3);
    }

    @Test
    void aDisputeLostLeavesWithTheCashAndItsFee() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = buy(developer);
        String disputeId = id("dp");

        ok(deliver(dispute(id("evt"), "charge.dispute.created", disputeId, intent, 800, "needs_response", 0)));
        ok(deliver(dispute(id("evt"), "charge.dispute.closed", disputeId, intent, 800, "lost", 1_500)));

        assertBooks(developer, 2_000_000, 2);
        try (Connection c = Db.connect()) {
            assertEquals(List.of(new Db.Posting(DISPUTES, -8_000_000),
                    new Db.Posting("platform:disputes:fees", -15_000_000), new Db.Posting(CLEARING, 23_000_000)),
                    Db.postings(c, "stripe:dispute:" + disputeId + ":lost"));
        }
    }

    @Test
    void keysStopWhenARefundLeavesTheBalanceNegative() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = buy(developer);
        HttpResponse<String> call = Http.postJson(ChatApi.completionsUrl(), developer.apiKey(),
                ChatApi.body("Hello", false, 16));
        assertEquals(200, call.statusCode(), () -> Http.describe(call));

        ok(deliver(chargeRefunded(id("evt"), id("ch"), intent, CENTS, CENTS)));

        assertTrue(balance(developer) < 0, "spent credit refunded: the balance is negative");
        // a node serving the account from a balance lease learns of it at its next heartbeat (250 ms): within 2 s
        // the key is refused
        long deadline = System.nanoTime() + 2_000_000_000L;
        HttpResponse<String> refused;
        do {
            refused = Http.postJson(ChatApi.completionsUrl(), developer.apiKey(), ChatApi.body("Hello again", false, 16));
        } while (refused.statusCode() == 200 && System.nanoTime() < deadline);
        HttpResponse<String> last = refused;
        assertEquals(402, last.statusCode(), () -> Http.describe(last));
        long balance = balance(developer);
        HttpResponse<String> again = Http.postJson(ChatApi.completionsUrl(), developer.apiKey(),
                ChatApi.body("Hello again", false, 16));
        assertEquals(402, again.statusCode(), () -> Http.describe(again));
        assertEquals(balance, balance(developer), "a refused call charges nothing");
    }

    private static String buy(FreshDeveloper developer) throws SQLException {
        String intent = id("pi");
        ok(deliver(checkoutCompleted(id("evt"), id("cs"), developer.id(), CENTS, intent)));
        assertBooks(developer, MICROS, 1);
        return intent;
    }

    private static void ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> Http.describe(response));
    }

    /** The developer's exact balance (cached = Σ postings) and the number of journals on their account. */
    private static void assertBooks(FreshDeveloper developer, long balanceMicros, long journals) throws SQLException {
        try (Connection c = Db.connect()) {
            assertEquals(balanceMicros, Db.queryLong(c, "select coalesce(sum(amount_micros), 0) from ledger_posting"
                    + " where account_code = ?", developer.creditAccount()), "Σ postings of " + developer.creditAccount());
            assertEquals(balanceMicros, Db.queryLong(c, "select coalesce((select balance_micros from account_balance"
                    + " where account_code = ?), 0)", developer.creditAccount()), "cached balance");
            assertEquals(journals, Db.queryLong(c, "select count(distinct journal_id) from ledger_posting"
                    + " where account_code = ?", developer.creditAccount()), "journals on " + developer.creditAccount());
        }
    }

    private static long balance(FreshDeveloper developer) throws SQLException {
        try (Connection c = Db.connect()) {
            return Db.queryLong(c, "select balance_micros from account_balance where account_code = ?",
                    developer.creditAccount());
        }
    }

    private static <T> List<T> inParallel(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
