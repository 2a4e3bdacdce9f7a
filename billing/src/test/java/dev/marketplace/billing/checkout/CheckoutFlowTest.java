package dev.marketplace.billing.checkout;

import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.InvariantReport;
import dev.marketplace.billing.ledger.LedgerQueries;
import dev.marketplace.billing.purchases.CompletedCheckout;
import dev.marketplace.billing.purchases.PurchaseRecord;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import dev.marketplace.billing.purchases.WebhookOutcome;
import dev.marketplace.billing.testing.BoundedDataSource;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Start → pay → success redirect and webhook, on a real PostgreSQL with the provider faked: each test its own
 * developer, so they share one database.
 */
class CheckoutFlowTest {

    private static final String SUCCESS = "https://portal.test/credits/success?session_id={CHECKOUT_SESSION_ID}";
    private static final String CANCEL = "https://portal.test/credits/cancel";

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private static FakeProvider provider;
    private static StartCheckout start;
    private static ConfirmCheckout confirm;
    private static ReceivePaymentEvent webhooks;
    private static PurchaseHistory history;

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = new BoundedDataSource(database.dataSource(), 12);
        provider = new FakeProvider();
        start = new StartCheckout(dataSource, provider, provider, new PurchaseFee(290, 30));
        confirm = new ConfirmCheckout(dataSource, provider);
        webhooks = new ReceivePaymentEvent(dataSource, null) {
        };
        history = new PurchaseHistory(dataSource);
    }

    @AfterAll
    static void checkLedger() throws SQLException {
        try (Connection c = database.connect()) {
            assertEquals(new InvariantReport(0, 0, 0), new LedgerQueries().check(c));
        }
    }

    @Test
    void theRedirectCreditsThePurchasedAmountAndTheWebhookThenChangesNothing() throws Exception {
        StartedCheckout started = start.start(201, "a@example.com", 1_000, SUCCESS, CANCEL);
        assertEquals(new PurchaseQuote(1_000, 59, 1_059), started.quote());
        assertEquals("open", history.receipt(201, started.sessionId()).orElseThrow().status());
        provider.pay(started.sessionId());

        ConfirmedCheckout confirmed = confirm.confirm(201, started.sessionId());
        assertEquals(WebhookOutcome.CREDITED, confirmed.outcome());
        assertEquals(WebhookOutcome.ALREADY_CREDITED, webhooks.record(event("evt_r1", started.sessionId())));
        assertEquals(WebhookOutcome.ALREADY_CREDITED, confirm.confirm(201, started.sessionId()).outcome());

        assertCreditedOnce(201, started.sessionId(), 10_000_000, 590_000);
        PurchaseRecord receipt = history.receipt(201, started.sessionId()).orElseThrow();
        assertEquals(new PurchaseRecord(started.sessionId(), 201, 1_000, 59, 1_059, "paid",
                "pi_for_" + started.sessionId(), receipt.createdAt(), receipt.paidAt()), receipt);
    }

    @Test
    void redirectsAndWebhooksRacingCreditExactlyOnce() throws Exception {
        StartedCheckout started = start.start(202, "b@example.com", 2_500, SUCCESS, CANCEL);
        provider.pay(started.sessionId());
        List<Callable<WebhookOutcome>> racers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            racers.add(n % 2 == 0 ? () -> confirm.confirm(202, started.sessionId()).outcome()
                    : () -> webhooks.record(event("evt_race_" + (n % 4), started.sessionId())));
        }
        Map<WebhookOutcome, Integer> outcomes = race(racers);

        assertEquals(1, outcomes.get(WebhookOutcome.CREDITED), outcomes.toString());
        assertCreditedOnce(202, started.sessionId(), 25_000_000, 1_030_000);
    }

    @Test
    void anUnpaidSessionIsNotCreditedAndAnotherDevelopersIsUnknown() throws Exception {
        StartedCheckout started = start.start(203, "c@example.com", 500, SUCCESS, CANCEL);

        assertEquals(WebhookOutcome.AWAITING_PAYMENT, confirm.confirm(203, started.sessionId()).outcome());
        assertThrows(UnknownCheckoutException.class, () -> confirm.confirm(204, started.sessionId()));
        provider.pay(started.sessionId());
        assertThrows(UnknownCheckoutException.class, () -> confirm.confirm(204, started.sessionId()));
        assertThrows(UnknownCheckoutException.class, () -> confirm.confirm(203, "cs_nope"));
        assertThrows(UnknownCheckoutException.class, () -> confirm.confirm(203, "cs' or 1=1"));

        assertEquals(0, journals(started.sessionId()));
        assertEquals(0, balance(dataSource, AccountCodes.developerCredit(203)));
        assertEquals(0, balance(dataSource, AccountCodes.developerCredit(204)));
        assertTrue(history.receipt(204, started.sessionId()).isEmpty(), "not another developer's receipt");
    }

    @Test
    void amountsOutsideTheLimitsStartNothing() throws Exception {
        int before = provider.sessions.size();
        assertEquals("The minimum purchase is $5.00.", assertThrows(InvalidPurchaseException.class,
                () -> start.start(205, "d@example.com", 499, SUCCESS, CANCEL)).getMessage());
        assertEquals("The maximum purchase is $10,000.00.", assertThrows(InvalidPurchaseException.class,
                () -> start.start(205, "d@example.com", 1_000_001, SUCCESS, CANCEL)).getMessage());
        assertEquals(before, provider.sessions.size());
        assertEquals(0, history.count(205));
    }

    @Test
    void oneCustomerPerDeveloperReplacedWhenTheProviderForgotIt() throws Exception {
        StartedCheckout first = start.start(206, "e@example.com", 600, SUCCESS, CANCEL);
        StartedCheckout second = start.start(206, "e@example.com", 700, SUCCESS, CANCEL);
        String customer = start.customerOf(206, "e@example.com");
        assertEquals(1, provider.customerKeys.stream().filter("marketplace-customer-206"::equals).count());

        provider.forgottenCustomers.add(customer);
        StartedCheckout third = start.start(206, "e@example.com", 800, SUCCESS, CANCEL);
        String replaced = start.customerOf(206, "e@example.com");
        assertFalse(customer.equals(replaced));
        assertTrue(provider.customerKeys.contains("marketplace-customer-206-after-" + customer));

        assertEquals(3, history.count(206));
        assertEquals(List.of(third.sessionId(), second.sessionId(), first.sessionId()),
                history.page(206, 0, 10).stream().map(PurchaseRecord::sessionId).toList());
        assertEquals(List.of(second.sessionId()),
                history.page(206, 1, 1).stream().map(PurchaseRecord::sessionId).toList());
    }

    private static CompletedCheckout event(String eventId, String sessionId) {
        CheckoutSessionState s = provider.retrieve(sessionId);
        return new CompletedCheckout(eventId, CompletedCheckout.COMPLETED, "{\"id\":\"" + eventId + "\"}", s.id(),
                s.clientReferenceId(), s.amountTotalMinor(), s.currency(), s.paymentStatus(), s.paymentIntentId(),
                s.metadataCreditCents(), s.metadataFeeCents());
    }

    private static void assertCreditedOnce(long developerId, String sessionId, long creditMicros, long feeMicros)
            throws SQLException {
        assertEquals(creditMicros, balance(dataSource, AccountCodes.developerCredit(developerId)));
        assertEquals(1, journals(sessionId));
        assertEquals(3, count(dataSource, """
                SELECT count(*) FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.idempotency_key = ?""", "stripe:checkout:" + sessionId));
        assertEquals(feeMicros, count(dataSource, """
                SELECT p.amount_micros FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.idempotency_key = ? AND p.account_code = ?""", "stripe:checkout:" + sessionId,
                AccountCodes.REVENUE_PURCHASE_FEE));
        assertEquals(-(creditMicros + feeMicros), count(dataSource, """
                SELECT p.amount_micros FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.idempotency_key = ? AND p.account_code = ?""", "stripe:checkout:" + sessionId,
                AccountCodes.STRIPE_CLEARING));
    }

    private static long journals(String sessionId) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM ledger_journal WHERE external_ref = ?", sessionId);
    }

    private static Map<WebhookOutcome, Integer> race(List<Callable<WebhookOutcome>> racers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<WebhookOutcome>> results = new ArrayList<>();
            for (Callable<WebhookOutcome> racer : racers) {
                results.add(pool.submit(() -> {
                    go.await();
                    return racer.call();
                }));
            }
            go.countDown();
            Map<WebhookOutcome, Integer> outcomes = new EnumMap<>(WebhookOutcome.class);
            for (Future<WebhookOutcome> result : results) {
                outcomes.merge(result.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
