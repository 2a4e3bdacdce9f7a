package dev.marketplace.billing.refunds;

import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.PaymentEventFactory.paidCheckout;
import static dev.marketplace.billing.testing.PaymentEventFactory.refunded;
import static dev.marketplace.billing.testing.Receivers.journalsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.marketplace.billing.crediting.PaymentCrediting;
import dev.marketplace.billing.holds.HoldStatus;
import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.payments.CreditedPayment;
import dev.marketplace.billing.payments.PaymentSource;
import dev.marketplace.billing.purchases.PaymentEvent;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import dev.marketplace.billing.purchases.WebhookOutcome;
import dev.marketplace.billing.testing.Fixtures;
import dev.marketplace.billing.testing.Receivers;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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

/** A purchase of $10.50 per test, each test with its own developer, then refunds of its charge. */
class ChargeRefundsTest {

    private static final long CENTS = 1_050;
    private static final long MICROS = 10_500_000;

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource data;
    private static ReceivePaymentEvent receiver;

    @BeforeAll
    static void createDatabase() throws SQLException {
        data = database.dataSource();
        receiver = Receivers.receiver(data);
    }

    @AfterAll
    static void checkLedger() throws SQLException {
        Fixtures.assertInvariantsOk(data);
    }

    @Test
    void partialRefundsTwiceReverseEachNewDifference() throws SQLException {
        buy(201, "pi_a");

        assertEquals(WebhookOutcome.REFUNDED, receiver.record(refunded("evt_a1", "ch_a", "pi_a", 300)));
        assertEquals(WebhookOutcome.REFUNDED, receiver.record(refunded("evt_a2", "ch_a", "pi_a", 500)));

        assertEquals(MICROS - 5_000_000, balance(data, credit(201)));
        assertEquals(3, journalsOf(data, credit(201)));
        assertEquals(2, refundJournals("ch_a"));
        assertEquals(-3_000_000, postingOf("stripe:refund:ch_a:3000000", credit(201)));
        assertEquals(-2_000_000, postingOf("stripe:refund:ch_a:5000000", credit(201)));
        assertEquals(2_000_000, postingOf("stripe:refund:ch_a:5000000", AccountCodes.STRIPE_CLEARING));
    }

    @Test
    void repeatedAndOutOfOrderRefundEventsReverseOnlyTheHighestAmount() throws SQLException {
        buy(202, "pi_b");

        assertEquals(WebhookOutcome.REFUNDED, receiver.record(refunded("evt_b2", "ch_b", "pi_b", 500)));
        assertEquals(WebhookOutcome.NOTHING_NEW, receiver.record(refunded("evt_b1", "ch_b", "pi_b", 300)));
        assertEquals(WebhookOutcome.DUPLICATE_EVENT, receiver.record(refunded("evt_b2", "ch_b", "pi_b", 500)));
        assertEquals(WebhookOutcome.NOTHING_NEW, receiver.record(refunded("evt_b3", "ch_b", "pi_b", 500)));

        assertEquals(MICROS - 5_000_000, balance(data, credit(202)));
        assertEquals(2, journalsOf(data, credit(202)));
        assertEquals("nothing_new", outcome("evt_b1"));
    }

    @Test
    void aRefundBeforeTheCompletedCheckoutIsAppliedWhenThePurchasePosts() throws SQLException {
        assertEquals(WebhookOutcome.PARKED, receiver.record(refunded("evt_c1", "ch_c", "pi_c", 400)));
        assertEquals(0, balance(data, credit(203)));
        assertEquals(0, journalsOf(data, credit(203)));

        assertEquals(WebhookOutcome.CREDITED, receiver.record(paidCheckout("evt_c2", "cs_c", 203, CENTS, "pi_c")));

        assertEquals(MICROS - 4_000_000, balance(data, credit(203)));
        assertEquals(2, journalsOf(data, credit(203)));
        assertEquals(WebhookOutcome.NOTHING_NEW, receiver.record(refunded("evt_c3", "ch_c", "pi_c", 400)));
        assertEquals(MICROS - 4_000_000, balance(data, credit(203)));
    }

    @Test
    void refundsNeverReverseMoreThanThePaymentCredited() throws SQLException {
        buy(204, "pi_d");

        assertEquals(WebhookOutcome.REFUNDED, receiver.record(refunded("evt_d1", "ch_d", "pi_d", CENTS + 999)));

        assertEquals(0, balance(data, credit(204)));
        assertEquals(2, journalsOf(data, credit(204)));
    }

    @Test
    void aFullRefundOfSpentCreditLeavesANegativeBalanceThatNoHoldCanUse() throws SQLException {
        buy(205, "pi_e");
        Fixtures.placeHold(data, "call-e", credit(205), 6_000_000);
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            new HoldStore().close(c, "call-e",
                    HoldStatus.SETTLED);
            new LedgerWriter().post(c, new JournalEntry(
                    "usage-e", "usage", null, null, List.of(
                            new Posting(credit(205), -6_000_000),
                            new Posting(AccountCodes.REVENUE_TAKE, 6_000_000))));
            c.commit();
        }

        assertEquals(WebhookOutcome.REFUNDED, receiver.record(refunded("evt_e1", "ch_e", "pi_e", CENTS)));

        assertEquals(MICROS - 6_000_000 - MICROS, balance(data, credit(205)));
        assertEquals(3, journalsOf(data, credit(205)));
        try (Connection c = data.getConnection()) {
            assertFalse(new HoldStore().place(c, "call-e2", credit(205), 1), "no hold on a negative balance");
        }
        assertEquals(0, Fixtures.count(data, "SELECT count(*) FROM ledger_hold WHERE id = 'call-e2'"));
    }

    @Test
    void fiftyConcurrentRefundEventsAndTheCheckoutReverseExactlyTheHighestAmount() throws Exception {
        List<PaymentEvent> events = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            events.add(refunded("evt_f" + i, "ch_f", "pi_f", i * 20L));
        }
        events.add(paidCheckout("evt_f_checkout", "cs_f", 206, CENTS, "pi_f"));
        Collections.shuffle(events, new Random(206));

        concurrently(events);

        assertEquals(MICROS - 10_000_000, balance(data, credit(206)));
        long refunds = refundJournals("ch_f");
        assertEquals(1 + refunds, journalsOf(data, credit(206)));
        assertEquals(-10_000_000, Fixtures.count(data, """
                SELECT sum(p.amount_micros) FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.kind = 'refund' AND j.external_ref = 'ch_f' AND p.account_code = ?""", credit(206)));
    }

    @Test
    void aRefundBeyondTheCreditTakesBackThePurchaseFeeNeverMore() throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            new PaymentCrediting().credit(c, new CreditedPayment("pi_g", 207, 10_000_000, 500_000,
                    PaymentSource.CHECKOUT, "stripe:checkout:cs_g"), new JournalEntry("stripe:checkout:cs_g",
                    "purchase", null, "cs_g", List.of(new Posting(credit(207), 10_000_000),
                            new Posting(AccountCodes.REVENUE_PURCHASE_FEE, 500_000),
                            new Posting(AccountCodes.STRIPE_CLEARING, -10_500_000))));
            c.commit();
        }

        assertEquals(WebhookOutcome.REFUNDED, receiver.record(refunded("evt_g1", "ch_g", "pi_g", 1_020)));
        assertEquals(WebhookOutcome.REFUNDED, receiver.record(refunded("evt_g2", "ch_g", "pi_g", 1_050)));
        assertEquals(WebhookOutcome.NOTHING_NEW, receiver.record(refunded("evt_g3", "ch_g", "pi_g", 2_000)));

        assertEquals(0, balance(data, credit(207)));
        assertEquals(2, journalsOf(data, credit(207)), "the purchase and the first refund touch the credit");
        assertEquals(-200_000, postingOf("stripe:refund:ch_g:10200000", AccountCodes.REVENUE_PURCHASE_FEE));
        assertEquals(-10_000_000, postingOf("stripe:refund:ch_g:10200000", credit(207)));
        assertEquals(10_200_000, postingOf("stripe:refund:ch_g:10200000", AccountCodes.STRIPE_CLEARING));
        assertEquals(2, Fixtures.postingCount(data, "stripe:refund:ch_g:10500000"));
        assertEquals(-300_000, postingOf("stripe:refund:ch_g:10500000", AccountCodes.REVENUE_PURCHASE_FEE));
        assertEquals(0, balance(data, AccountCodes.REVENUE_PURCHASE_FEE));
    }

    private static void concurrently(List<PaymentEvent> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(events.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<WebhookOutcome>> results = new ArrayList<>();
            for (PaymentEvent event : events) {
                results.add(pool.submit(() -> {
                    start.await();
                    return receiver.record(event);
                }));
            }
            start.countDown();
            for (Future<WebhookOutcome> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void buy(long developerId, String paymentIntentId) throws SQLException {
        assertEquals(WebhookOutcome.CREDITED, receiver.record(paidCheckout("evt_buy_" + paymentIntentId,
                "cs_" + paymentIntentId, developerId, CENTS, paymentIntentId)));
        assertEquals(MICROS, balance(data, credit(developerId)));
    }

    private static String credit(long developerId) {
        return AccountCodes.developerCredit(developerId);
    }

    private static long refundJournals(String chargeId) throws SQLException {
        return Fixtures.count(data, "SELECT count(*) FROM ledger_journal WHERE kind = 'refund' AND external_ref = ?",
                chargeId);
    }

    private static long postingOf(String key, String account) throws SQLException {
        return Fixtures.count(data, """
                SELECT p.amount_micros FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.idempotency_key = ? AND p.account_code = ?""", key, account);
    }

    private static String outcome(String eventId) throws SQLException {
        try (Connection c = data.getConnection();
             var s = c.prepareStatement("SELECT outcome FROM stripe_event WHERE id = ?")) {
            s.setString(1, eventId);
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
