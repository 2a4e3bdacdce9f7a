package dev.marketplace.systemtests.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A credit purchase through the test stack's Stripe stub: started with {@code POST /api/v1/credits/checkout}, paid
 * headless at the stub, reported by the stub's signed webhooks and by the success redirect's confirm call. Each
 * test has its own fresh developer, so balances and journal counts are exact.
 */
class CheckoutPurchaseIT {

    private static final String COMPLETED = "checkout.session.completed";
    private static final String CLEARING = "platform:stripe:clearing";

    @BeforeAll
    static void needsTheStub() {
        assumeTrue(StripeStub.url().isPresent(), "the stack runs against real Stripe: no headless payments");
    }

    @AfterEach
    void resetDelivery() {
        StripeStub.resetDelivery();
    }

    @Test
    void aHeadlessPaymentIsCreditedOnceByTheWebhook() throws Exception {
        Buyer buyer = Buyer.create();
        JsonObject started = start(buyer, "\"10.00\"");
        assertEquals("10.00", started.getString("amount"));
        assertEquals("0.00", started.getString("fee"));
        assertEquals("10.00", started.getString("total"));
        String session = started.getString("id");
        assertTrue(started.getString("url").startsWith(StripeStub.url().orElseThrow() + "/checkout/" + session),
                started.toString());

        JsonObject paid = StripeStub.pay(session, "succeed");
        assertEquals("complete", paid.getString("status"));
        StripeStub.awaitDelivered(COMPLETED, session, 1);

        assertCreditedOnce(buyer, session, 10_000_000);
        try (Connection c = Db.connect()) {
            assertEquals("credited", Db.queryStrings(c, "select outcome from stripe_event where type = '" + COMPLETED
                    + "' and payload->'data'->'object'->>'id' = '" + session + "'").get(0));
            assertEquals(1, Db.queryLong(c, "select count(*) from stripe_customer where developer_id = ?",
                    buyer.developerId()), "one Stripe customer kept for the developer (auto top-up)");
            assertEquals("paid", Db.queryStrings(c, "select status from credit_purchase where session_id = '"
                    + session + "'").get(0));
        }
        JsonObject confirmed = confirm(buyer, session);
        assertTrue(confirmed.getBoolean("credited"));
        assertEquals("already_credited", confirmed.getString("outcome"));
        assertCreditedOnce(buyer, session, 10_000_000);
    }

    @Test
    void duplicatedAndReorderedWebhooksCreditOnce() throws Exception {
        StripeStub.configure("{\"duplicates\":5,\"reorder\":true}");
        Buyer buyer = Buyer.create();
        String session = start(buyer, "25.50").getString("id");

        StripeStub.pay(session, "succeed");
        List<JsonObject> events = StripeStub.awaitDelivered(COMPLETED, session, 5);

        assertEquals(1, events.size());
        assertCreditedOnce(buyer, session, 25_500_000);
        try (Connection c = Db.connect()) {
            String eventId = events.get(0).getJsonObject("event").getString("id");
            assertEquals(1, Db.queryLong(c, "select count(*) from stripe_event where id = ?", eventId),
                    "five deliveries of one event are one row");
        }
    }

    @Test
    void theSuccessRedirectRacingTheWebhookCreditsOnce() throws Exception {
        StripeStub.configure("{\"delay_ms\":200,\"duplicates\":3}");
        Buyer buyer = Buyer.create();
        String session = start(buyer, "42").getString("id");
        StripeStub.pay(session, "succeed");

        List<Callable<JsonObject>> redirects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            redirects.add(() -> confirm(buyer, session));
        }
        List<JsonObject> answers = race(redirects);
        StripeStub.awaitDelivered(COMPLETED, session, 3);

        assertTrue(answers.stream().allMatch(a -> a.getBoolean("credited")), answers.toString());
        long creditedByRedirect = answers.stream().filter(a -> "credited".equals(a.getString("outcome"))).count();
        long creditedByWebhook;
        try (Connection c = Db.connect()) {
            creditedByWebhook = Db.queryLong(c, "select count(*) from stripe_event where outcome = 'credited'"
                    + " and payload->'data'->'object'->>'id' = ?", session);
        }
        assertEquals(1, creditedByRedirect + creditedByWebhook, "exactly one of them credited: " + answers);
        assertCreditedOnce(buyer, session, 42_000_000);
    }

    @Test
    void aDeclinedPaymentLeavesNothing() throws Exception {
        Buyer buyer = Buyer.create();
        String session = start(buyer, "10").getString("id");

        JsonObject declined = StripeStub.pay(session, "decline");
        assertEquals("open", declined.getString("status"));
        assertEquals("Your card was declined.", declined.getString("stub_error"));
        JsonObject authFailed = StripeStub.pay(session, "action_fail");
        assertEquals("open", authFailed.getString("status"));
        String paymentIntent = declined.getString("payment_intent");
        StripeStub.awaitDelivered("payment_intent.payment_failed", paymentIntent, 1);

        JsonObject confirmed = confirm(buyer, session);
        assertFalse(confirmed.getBoolean("credited"));
        assertEquals("awaiting_payment", confirmed.getString("outcome"));
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from ledger_journal where external_ref = ?", session));
            assertEquals(0, balance(c, buyer));
            assertEquals("open", Db.queryStrings(c, "select status from credit_purchase where session_id = '"
                    + session + "'").get(0));
        }

        JsonObject paidAfterAll = StripeStub.pay(session, "action_succeed");
        assertEquals("complete", paidAfterAll.getString("status"));
        StripeStub.awaitDelivered(COMPLETED, session, 1);
        assertCreditedOnce(buyer, session, 10_000_000);
    }

    @Test
    void amountsOutsideTheLimitsAreRefusedAndStartNothing() throws Exception {
        Buyer buyer = Buyer.create();
        assertRefused(buyer.startCheckout("\"4.99\""), "The minimum purchase is $5.00.");
        assertRefused(buyer.startCheckout("10000.01"), "The maximum purchase is $10,000.00.");
        assertRefused(buyer.startCheckout("\"10.001\""), "Enter whole cents: at most two decimals.");
        assertRefused(buyer.startCheckout("\"ten\""), "\"ten\" is not an amount in US dollars; enter e.g. 25 or 25.50.");
        assertRefused(buyer.startCheckout("null"), "amount is required: US dollars as a string or number, e.g. \"10.00\".");
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from credit_purchase where developer_id = ?",
                    buyer.developerId()));
        }
        assertEquals(200, buyer.startCheckout("5").statusCode());
        assertEquals(200, buyer.startCheckout("10000").statusCode());
    }

    @Test
    void anotherDevelopersSessionCannotBeConfirmed() throws Exception {
        Buyer buyer = Buyer.create();
        Buyer other = Buyer.create();
        String session = start(buyer, "10").getString("id");
        StripeStub.pay(session, "succeed");
        StripeStub.awaitDelivered(COMPLETED, session, 1);

        HttpResponse<String> r = other.confirm(session);
        assertEquals(404, r.statusCode(), () -> Http.describe(r));
        assertEquals("session", Http.json(r.body()).getJsonObject("error").getString("param"));
        try (Connection c = Db.connect()) {
            assertEquals(0, balance(c, other));
        }
        assertCreditedOnce(buyer, session, 10_000_000);
    }

    private static JsonObject start(Buyer buyer, String amountJson) {
        HttpResponse<String> r = buyer.startCheckout(amountJson);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        return Http.json(r.body()).getJsonObject("data");
    }

    private static JsonObject confirm(Buyer buyer, String session) {
        HttpResponse<String> r = buyer.confirm(session);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        return Http.json(r.body()).getJsonObject("data");
    }

    private static void assertRefused(HttpResponse<String> r, String message) {
        assertEquals(400, r.statusCode(), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(400, error.getInt("code"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals("amount", error.getString("param"));
        assertEquals(message, error.getString("message"));
    }

    /** One purchase journal for the session, and the developer's whole balance is that credit. */
    private static void assertCreditedOnce(Buyer buyer, String session, long micros) throws SQLException {
        String key = "stripe:checkout:" + session;
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from ledger_journal where idempotency_key = ?", key));
            assertEquals(1, Db.queryLong(c, "select count(*) from ledger_journal where external_ref = ?", session));
            assertEquals(List.of(new Db.Posting(buyer.creditAccount(), micros), new Db.Posting(CLEARING, -micros)),
                    Db.postings(c, key));
            assertEquals(1, Db.queryLong(c, """
                    select count(distinct p.journal_id) from ledger_posting p where p.account_code = ?""",
                    buyer.creditAccount()), "the developer's only journal");
            assertEquals(micros, balance(c, buyer));
        }
    }

    private static long balance(Connection c, Buyer buyer) throws SQLException {
        return Db.queryLong(c, "select coalesce(sum(amount_micros), 0) from ledger_posting where account_code = ?",
                buyer.creditAccount());
    }

    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
