package dev.marketplace.billing.purchases;

import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.infrastructure.stripe.SignedEvents;
import dev.marketplace.billing.infrastructure.stripe.StripeWebhookVerifier;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.InvariantReport;
import dev.marketplace.billing.ledger.LedgerQueries;
import dev.marketplace.billing.testing.BoundedDataSource;
import dev.marketplace.billing.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each test uses its own developer id and sessions, so the tests share one database without interfering. */
class ReceivePaymentEventTest {

    private static final long NOW = 1_764_000_000L;
    private static final String COMPLETED = CompletedCheckout.COMPLETED;
    private static final String ASYNC = CompletedCheckout.ASYNC_PAYMENT_SUCCEEDED;
    private static final long CENTS = 1_050;
    private static final long MICROS = 10_500_000;

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static ReceivePaymentEvent receiver;

    @BeforeAll
    static void createDatabase() throws SQLException {
        StripeWebhookVerifier verifier = new StripeWebhookVerifier(SignedEvents.SECRET,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        receiver = new ReceivePaymentEvent(new BoundedDataSource(database.dataSource(), 10), verifier);
    }

    @AfterAll
    static void checkLedger() throws SQLException {
        try (Connection c = database.connect()) {
            assertEquals(new InvariantReport(0, 0, 0), new LedgerQueries().check(c));
        }
    }

    @Test
    void theSameEventTwiceCreditsOnce() throws SQLException {
        CompletedCheckout paid = checkout("evt_a1", COMPLETED, "cs_a", 101, "paid");

        assertEquals(WebhookOutcome.CREDITED, receiver.record(paid));
        assertEquals(WebhookOutcome.DUPLICATE_EVENT, receiver.record(paid));

        assertCreditedOnce(101, "cs_a");
        assertEquals(1, events("cs_a"));
        assertEquals("credited", outcome("evt_a1"));
    }

    @Test
    void twoEventsOfOneSessionCreditOnce() throws SQLException {
        assertEquals(WebhookOutcome.CREDITED, receiver.record(checkout("evt_b1", COMPLETED, "cs_b", 102, "paid")));
        assertEquals(WebhookOutcome.ALREADY_CREDITED,
                receiver.record(checkout("evt_b2", COMPLETED, "cs_b", 102, "paid")));

        assertCreditedOnce(102, "cs_b");
        assertEquals(2, events("cs_b"));
        assertEquals("already_credited", outcome("evt_b2"));
    }

    @Test
    void completedThenAsyncSucceededCreditsOnce() throws SQLException {
        assertEquals(WebhookOutcome.CREDITED, receiver.record(checkout("evt_c1", COMPLETED, "cs_c", 103, "paid")));
        assertEquals(WebhookOutcome.ALREADY_CREDITED, receiver.record(checkout("evt_c2", ASYNC, "cs_c", 103, "paid")));

        assertCreditedOnce(103, "cs_c");
    }

    @Test
    void unpaidWaitsForAsyncSuccessWhichCreditsOnce() throws SQLException {
        assertEquals(WebhookOutcome.AWAITING_PAYMENT,
                receiver.record(checkout("evt_d1", COMPLETED, "cs_d", 104, "unpaid")));

        assertEquals(0, balance(database.dataSource(), AccountCodes.developerCredit(104)));
        assertEquals(0, journals("cs_d"));
        assertEquals("awaiting_payment", outcome("evt_d1"));

        assertEquals(WebhookOutcome.CREDITED, receiver.record(checkout("evt_d2", ASYNC, "cs_d", 104, "paid")));
        assertEquals(WebhookOutcome.DUPLICATE_EVENT,
                receiver.record(checkout("evt_d1", COMPLETED, "cs_d", 104, "unpaid")));
        assertCreditedOnce(104, "cs_d");
    }

    @Test
    void otherCurrenciesAreRecordedAsIgnored() throws SQLException {
        CompletedCheckout euros = new CompletedCheckout("evt_e1", COMPLETED, payload("evt_e1"), "cs_e", "105", CENTS,
                "eur", "paid", null);

        assertEquals(WebhookOutcome.IGNORED, receiver.record(euros));

        assertEquals(0, balance(database.dataSource(), AccountCodes.developerCredit(105)));
        assertEquals(0, journals("cs_e"));
        assertEquals("ignored", outcome("evt_e1"));
        assertEquals(1, count(database.dataSource(),
                "SELECT count(*) FROM stripe_event WHERE id = ? AND note LIKE '%currency eur%'", "evt_e1"));
    }

    @Test
    void otherTypesAreRecordedAsUnhandled() throws SQLException {
        long journalsBefore = count(database.dataSource(), "SELECT count(*) FROM ledger_journal");

        assertEquals(WebhookOutcome.UNHANDLED,
                receiver.record(new OtherPaymentEvent("evt_f1", "customer.created", payload("evt_f1"))));
        assertEquals(WebhookOutcome.DUPLICATE_EVENT,
                receiver.record(new OtherPaymentEvent("evt_f1", "customer.created", payload("evt_f1"))));

        assertEquals("unhandled", outcome("evt_f1"));
        assertEquals(journalsBefore, count(database.dataSource(), "SELECT count(*) FROM ledger_journal"));
    }

    @Test
    void fiftyThreadsDeliveringOneEventCreditOnce() throws Exception {
        CompletedCheckout paid = checkout("evt_g1", COMPLETED, "cs_g", 106, "paid");

        Map<WebhookOutcome, Integer> outcomes = concurrently(50, i -> paid);

        assertEquals(Map.of(WebhookOutcome.CREDITED, 1, WebhookOutcome.DUPLICATE_EVENT, 49), outcomes);
        assertCreditedOnce(106, "cs_g");
        assertEquals(1, events("cs_g"));
    }

    @Test
    void fiftyThreadsDeliveringDifferentEventsOfOneSessionCreditOnce() throws Exception {
        Map<WebhookOutcome, Integer> outcomes = concurrently(50,
                i -> checkout("evt_h" + i, i % 2 == 0 ? COMPLETED : ASYNC, "cs_h", 107, "paid"));

        assertEquals(Map.of(WebhookOutcome.CREDITED, 1, WebhookOutcome.ALREADY_CREDITED, 49), outcomes);
        assertCreditedOnce(107, "cs_h");
        assertEquals(50, events("cs_h"));
    }

    @Test
    void signedBytesAreVerifiedMappedAndCredited() throws SQLException {
        String payload = SignedEvents.checkoutEvent("evt_i1", COMPLETED, "cs_i", "108", CENTS, "usd", "paid", "pi_i");
        String header = SignedEvents.header(payload, SignedEvents.SECRET, NOW);

        assertEquals(WebhookOutcome.CREDITED, receiver.receive(bytes(payload), header));
        assertEquals(WebhookOutcome.DUPLICATE_EVENT, receiver.receive(bytes(payload), header));

        assertCreditedOnce(108, "cs_i");
        assertEquals(1, count(database.dataSource(), "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?"
                + " AND memo = 'Stripe Checkout cs_i, payment intent pi_i, event evt_i1'", "stripe:checkout:cs_i"));
        assertEquals(1, count(database.dataSource(), "SELECT count(*) FROM stripe_event WHERE id = ?"
                + " AND payload->'data'->'object'->>'id' = 'cs_i' AND processed_at IS NOT NULL", "evt_i1"));
    }

    @Test
    void aBadSignatureRecordsNothing() throws SQLException {
        String payload = SignedEvents.checkoutEvent("evt_j1", COMPLETED, "cs_j", "109", CENTS, "usd", "paid", null);
        String wrongSecret = SignedEvents.header(payload, "whsec_wrong", NOW);
        String old = SignedEvents.header(payload, SignedEvents.SECRET, NOW - 301);

        assertThrows(InvalidWebhookSignatureException.class, () -> receiver.receive(bytes(payload), wrongSecret));
        assertThrows(InvalidWebhookSignatureException.class, () -> receiver.receive(bytes(payload), old));
        assertThrows(InvalidWebhookSignatureException.class, () -> receiver.receive(bytes(payload), null));

        assertEquals(0, count(database.dataSource(), "SELECT count(*) FROM stripe_event WHERE id = ?", "evt_j1"));
        assertEquals(0, journals("cs_j"));
        assertEquals(0, balance(database.dataSource(), AccountCodes.developerCredit(109)));
    }

    private static Map<WebhookOutcome, Integer> concurrently(int threads, IntFunction<PaymentEvent> eventOf)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<WebhookOutcome>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                PaymentEvent event = eventOf.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return receiver.record(event);
                }));
            }
            start.countDown();
            Map<WebhookOutcome, Integer> outcomes = new EnumMap<>(WebhookOutcome.class);
            for (Future<WebhookOutcome> result : results) {
                outcomes.merge(result.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one purchase journal for the session and the developer's balance up by its amount, once. */
    private static void assertCreditedOnce(long developerId, String sessionId) throws SQLException {
        assertEquals(MICROS, balance(database.dataSource(), AccountCodes.developerCredit(developerId)));
        assertEquals(1, journals(sessionId));
        assertEquals(1, count(database.dataSource(), "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?"
                + " AND kind = 'purchase' AND external_ref = ?", "stripe:checkout:" + sessionId, sessionId));
        assertEquals(MICROS, count(database.dataSource(), """
                SELECT p.amount_micros FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.external_ref = ? AND p.account_code = ?""", sessionId,
                AccountCodes.developerCredit(developerId)));
        assertEquals(-MICROS, count(database.dataSource(), """
                SELECT p.amount_micros FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.external_ref = ? AND p.account_code = ?""", sessionId, AccountCodes.STRIPE_CLEARING));
        assertEquals(2, count(database.dataSource(), """
                SELECT count(*) FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.external_ref = ?""", sessionId));
    }

    private static long journals(String sessionId) throws SQLException {
        return count(database.dataSource(), "SELECT count(*) FROM ledger_journal WHERE external_ref = ?", sessionId);
    }

    private static long events(String sessionId) throws SQLException {
        return count(database.dataSource(),
                "SELECT count(*) FROM stripe_event WHERE payload->'data'->'object'->>'id' = ?", sessionId);
    }

    private static String outcome(String eventId) throws SQLException {
        try (Connection c = database.connect();
             var s = c.prepareStatement("SELECT outcome FROM stripe_event WHERE id = ?")) {
            s.setString(1, eventId);
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static CompletedCheckout checkout(String eventId, String type, String sessionId, long developerId,
                                              String paymentStatus) {
        String payload = SignedEvents.checkoutEvent(eventId, type, sessionId, Long.toString(developerId), CENTS,
                "usd", paymentStatus, null);
        return new CompletedCheckout(eventId, type, payload, sessionId, Long.toString(developerId), CENTS, "usd",
                paymentStatus, null);
    }

    private static String payload(String eventId) {
        return SignedEvents.event(eventId, "customer.created", SignedEvents.API_VERSION, "{\"id\":\"cus_1\"}");
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
