package dev.marketplace.billing.disputes;

import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.PaymentEventFactory.disputeClosed;
import static dev.marketplace.billing.testing.PaymentEventFactory.disputeCreated;
import static dev.marketplace.billing.testing.PaymentEventFactory.paidCheckout;
import static dev.marketplace.billing.testing.Receivers.journalsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import dev.marketplace.billing.purchases.WebhookOutcome;
import dev.marketplace.billing.testing.Fixtures;
import dev.marketplace.billing.testing.Receivers;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A purchase of $20.00 per test, each with its own developer and payment, then a dispute of $8.00. The platform
 * accounts are shared by the tests, so they are checked through the postings of each test's own journals.
 */
class DisputesTest {

    private static final long CENTS = 2_000;
    private static final long MICROS = 20_000_000;
    private static final long DISPUTED_CENTS = 800;
    private static final long DISPUTED_MICROS = 8_000_000;

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
    void anOpenedDisputeHoldsTheAmountAndAWonOneReleasesIt() throws SQLException {
        buy(301, "pi_a");

        assertEquals(WebhookOutcome.DISPUTE_BOOKED, receiver.record(disputeCreated("evt_a1", "dp_a", "pi_a",
                DISPUTED_CENTS)));
        assertEquals(MICROS - DISPUTED_MICROS, balance(data, credit(301)));
        assertEquals(DISPUTED_MICROS, posting("stripe:dispute:dp_a:hold", AccountCodes.DISPUTES));
        assertEquals(2, journalsOf(data, credit(301)));

        assertEquals(WebhookOutcome.DISPUTE_BOOKED, receiver.record(disputeClosed("evt_a2", "dp_a", "pi_a",
                DISPUTED_CENTS, 0, "won")));
        assertEquals(WebhookOutcome.NOTHING_NEW, receiver.record(disputeClosed("evt_a3", "dp_a", "pi_a",
                DISPUTED_CENTS, 0, "won")));

        assertEquals(MICROS, balance(data, credit(301)));
        assertEquals(3, journalsOf(data, credit(301)));
        assertEquals(-DISPUTED_MICROS, posting("stripe:dispute:dp_a:won", AccountCodes.DISPUTES));
    }

    @Test
    void aLostDisputeLeavesWithTheCashAndBooksTheFee() throws SQLException {
        buy(302, "pi_b");
        receiver.record(disputeCreated("evt_b1", "dp_b", "pi_b", DISPUTED_CENTS));

        assertEquals(WebhookOutcome.DISPUTE_BOOKED, receiver.record(disputeClosed("evt_b2", "dp_b", "pi_b",
                DISPUTED_CENTS, 1_500, "lost")));
        // a late "won" for a dispute closed as lost changes nothing: a closed dispute stays closed
        assertEquals(WebhookOutcome.NOTHING_NEW, receiver.record(disputeClosed("evt_b3", "dp_b", "pi_b",
                DISPUTED_CENTS, 0, "won")));

        assertEquals(MICROS - DISPUTED_MICROS, balance(data, credit(302)));
        assertEquals(2, journalsOf(data, credit(302)));
        assertEquals(-DISPUTED_MICROS, posting("stripe:dispute:dp_b:lost", AccountCodes.DISPUTES));
        assertEquals(DISPUTED_MICROS + 15_000_000, posting("stripe:dispute:dp_b:lost", AccountCodes.STRIPE_CLEARING));
        assertEquals(-15_000_000, posting("stripe:dispute:dp_b:lost", DisputeJournals.DISPUTE_FEES));
        assertEquals(3, Fixtures.postingCount(data, "stripe:dispute:dp_b:lost"));
    }

    @Test
    void aClosedEventBeforeTheCreatedOneStillHoldsThenBooks() throws SQLException {
        buy(303, "pi_c");

        assertEquals(WebhookOutcome.DISPUTE_BOOKED, receiver.record(disputeClosed("evt_c2", "dp_c", "pi_c",
                DISPUTED_CENTS, 0, "lost")));
        assertEquals(WebhookOutcome.NOTHING_NEW, receiver.record(disputeCreated("evt_c1", "dp_c", "pi_c",
                DISPUTED_CENTS)));

        assertEquals(MICROS - DISPUTED_MICROS, balance(data, credit(303)));
        assertEquals(2, journalsOf(data, credit(303)));
        assertEquals(2, Fixtures.postingCount(data, "stripe:dispute:dp_c:lost"));
    }

    @Test
    void aDisputeBeforeThePurchaseIsHeldWhenThePurchasePosts() throws SQLException {
        assertEquals(WebhookOutcome.PARKED, receiver.record(disputeCreated("evt_d1", "dp_d", "pi_d",
                DISPUTED_CENTS)));
        assertEquals(0, journalsOf(data, credit(304)));

        buy(304, "pi_d");

        assertEquals(MICROS - DISPUTED_MICROS, balance(data, credit(304)));
        assertEquals(2, journalsOf(data, credit(304)));
    }

    @Test
    void aDisputeOfSpentCreditStopsNewHolds() throws SQLException {
        buy(305, "pi_e");
        Fixtures.placeHold(data, "call-e", credit(305), 15_000_000);

        receiver.record(disputeCreated("evt_e1", "dp_e", "pi_e", DISPUTED_CENTS));

        assertEquals(MICROS - DISPUTED_MICROS - 15_000_000, Fixtures.available(data, credit(305)));
        try (Connection c = data.getConnection()) {
            assertFalse(new HoldStore().place(c, "call-e2", credit(305), 1), "no hold while available < 0");
        }
    }

    private static void buy(long developerId, String paymentIntentId) throws SQLException {
        assertEquals(WebhookOutcome.CREDITED, receiver.record(paidCheckout("evt_buy_" + paymentIntentId,
                "cs_" + paymentIntentId, developerId, CENTS, paymentIntentId)));
    }

    private static String credit(long developerId) {
        return AccountCodes.developerCredit(developerId);
    }

    private static long posting(String key, String account) throws SQLException {
        return Fixtures.count(data, """
                SELECT p.amount_micros FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
                 WHERE j.idempotency_key = ? AND p.account_code = ?""", key, account);
    }
}
