package dev.marketplace.billing.topup;

import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.PaymentEventFactory.topUpIntent;
import static dev.marketplace.billing.testing.Receivers.journalsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.purchases.PaymentIntentUpdate;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import dev.marketplace.billing.purchases.WebhookOutcome;
import dev.marketplace.billing.testing.Fixtures;
import dev.marketplace.billing.testing.Receivers;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fresh database per test (the checker looks at every developer). The developer starts with a $10 grant, a
 * saved card, and auto top-up of $25 below $5; usage is simulated by spending journals.
 */
class AutoTopUpsTest {

    private static final long DEVELOPER = 401;
    private static final String CREDIT = AccountCodes.developerCredit(DEVELOPER);
    private static final long THRESHOLD_MICROS = 5_000_000;
    private static final long AMOUNT_MICROS = 25_000_000;

    private TestDatabase database;
    private DataSource data;
    private ScriptedCharges charges;
    private AutoTopUps topUps;
    private ReceivePaymentEvent receiver;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestDatabase.create();
        data = database.dataSource();
        charges = new ScriptedCharges();
        topUps = new AutoTopUps(data, charges);
        receiver = Receivers.receiver(data);
        Fixtures.grant(data, DEVELOPER, 10_000_000, "grant-401");
        topUps.saveCard(DEVELOPER, new SavedPaymentMethods.SavedCard("cus_401", "pm_401"));
        topUps.save(DEVELOPER, new AutoTopUpSettings(true, THRESHOLD_MICROS, AMOUNT_MICROS));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try {
            Fixtures.assertInvariantsOk(data);
        } finally {
            database.close();
        }
    }

    @Test
    void nothingIsChargedAtOrAboveTheThreshold() throws SQLException {
        charges.answer(ScriptedCharges::succeeded);
        spend(5_000_000);

        assertEquals(0, topUps.runOnce());
        assertEquals(List.of(), charges.requests);
        assertEquals(5_000_000, balance(data, CREDIT));
    }

    @Test
    void belowTheThresholdTheCardIsChargedOncePerCrossingAndCreditedOnce() throws SQLException {
        charges.answer(ScriptedCharges::succeeded);
        spend(6_000_000);

        assertEquals(1, topUps.runOnce());
        OffSessionCharge first = charges.requests.get(0);
        assertEquals(new OffSessionCharge(DEVELOPER, 1, 2_500, "cus_401", "pm_401"), first);
        assertEquals("auto-top-up:401:1", first.idempotencyKey());
        assertEquals(4_000_000 + AMOUNT_MICROS, balance(data, CREDIT));
        assertEquals(3, journalsOf(data, CREDIT));

        // the webhook of the same payment intent credits nothing more
        String intent = "pi_auto-top-up_401_1";
        assertEquals(WebhookOutcome.ALREADY_CREDITED, receiver.record(topUpIntent("evt_1",
                PaymentIntentUpdate.SUCCEEDED, intent, DEVELOPER, 1, 2_500)));
        assertEquals(4_000_000 + AMOUNT_MICROS, balance(data, CREDIT));
        assertEquals(3, journalsOf(data, CREDIT));
        assertEquals("charged", topUps.status(DEVELOPER).state());

        // back above: re-armed; the next fall below is a new crossing with a new key
        assertEquals(0, topUps.runOnce());
        assertEquals("armed", topUps.status(DEVELOPER).state());
        spend(25_000_000);
        assertEquals(1, topUps.runOnce());
        assertEquals("auto-top-up:401:2", charges.requests.get(1).idempotencyKey());
        assertEquals(4_000_000 + AMOUNT_MICROS, balance(data, CREDIT));
        assertEquals(5, journalsOf(data, CREDIT));
    }

    @Test
    void whileTheCreditIsPendingTheSameCrossingIsNotChargedAgain() throws SQLException {
        charges.answer(charge -> new ChargeResult(ChargeResult.Status.PROCESSING, "pi_pending", 0, null));
        spend(6_000_000);

        assertEquals(1, topUps.runOnce());
        assertEquals(0, topUps.runOnce());
        assertEquals(0, topUps.runOnce());
        assertEquals(1, charges.requests.size());
        assertEquals(4_000_000, balance(data, CREDIT));

        assertEquals(WebhookOutcome.TOP_UP_CREDITED, receiver.record(topUpIntent("evt_p1",
                PaymentIntentUpdate.SUCCEEDED, "pi_pending", DEVELOPER, 1, 2_500)));
        assertEquals(WebhookOutcome.DUPLICATE_EVENT, receiver.record(topUpIntent("evt_p1",
                PaymentIntentUpdate.SUCCEEDED, "pi_pending", DEVELOPER, 1, 2_500)));
        assertEquals(WebhookOutcome.ALREADY_CREDITED, receiver.record(topUpIntent("evt_p2",
                PaymentIntentUpdate.SUCCEEDED, "pi_pending", DEVELOPER, 1, 2_500)));

        assertEquals(4_000_000 + AMOUNT_MICROS, balance(data, CREDIT));
        assertEquals(3, journalsOf(data, CREDIT));
        assertEquals(1, Fixtures.count(data, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?"
                + " AND kind = 'auto_top_up'", "stripe:payment_intent:pi_pending"));
    }

    @Test
    void aDeclineIsRecordedAndTurnsAutoTopUpOffUntilReEnabled() throws SQLException {
        charges.answer(charge -> new ChargeResult(ChargeResult.Status.DECLINED, "pi_declined", 0,
                "The card was declined: Your card has insufficient funds. (insufficient_funds)"));
        spend(6_000_000);

        assertEquals(1, topUps.runOnce());
        AutoTopUpStatus status = topUps.status(DEVELOPER);
        assertFalse(status.settings().orElseThrow().enabled());
        assertTrue(status.lastFailure().orElseThrow().contains("insufficient funds"), status.toString());
        assertEquals(0, topUps.runOnce());
        assertEquals(1, charges.requests.size());
        assertEquals(4_000_000, balance(data, CREDIT));
        assertEquals(2, journalsOf(data, CREDIT));

        // the webhook repeating the failure does not count twice; re-enabling clears it and charges again
        assertEquals(WebhookOutcome.TOP_UP_FAILED, receiver.record(topUpIntent("evt_d1",
                PaymentIntentUpdate.PAYMENT_FAILED, "pi_declined", DEVELOPER, 1, 0)));
        topUps.save(DEVELOPER, new AutoTopUpSettings(true, THRESHOLD_MICROS, AMOUNT_MICROS));
        assertTrue(topUps.status(DEVELOPER).lastFailure().isEmpty());
        charges.answer(ScriptedCharges::succeeded);
        assertEquals(1, topUps.runOnce());
        assertEquals("auto-top-up:401:2", charges.requests.get(1).idempotencyKey());
        assertEquals(4_000_000 + AMOUNT_MICROS, balance(data, CREDIT));
        assertEquals(3, journalsOf(data, CREDIT));
    }

    @Test
    void aCardThatNeedsAuthenticationTurnsAutoTopUpOff() throws SQLException {
        charges.answer(charge -> new ChargeResult(ChargeResult.Status.REQUIRES_ACTION, "pi_3ds", 0,
                "Your bank asked to confirm the payment (3-D Secure), which cannot be done off-session."));
        spend(6_000_000);

        assertEquals(1, topUps.runOnce());

        AutoTopUpStatus status = topUps.status(DEVELOPER);
        assertFalse(status.settings().orElseThrow().enabled());
        assertTrue(status.lastFailure().orElseThrow().contains("3-D Secure"));
        assertEquals("pi_3ds", status.lastPaymentIntentId().orElseThrow());
        assertEquals(4_000_000, balance(data, CREDIT));
        assertEquals(2, journalsOf(data, CREDIT));
    }

    @Test
    void aFailureReportedOnlyByWebhookTurnsAutoTopUpOff() throws SQLException {
        charges.answer(charge -> new ChargeResult(ChargeResult.Status.PROCESSING, "pi_later", 0, null));
        spend(6_000_000);
        topUps.runOnce();

        assertEquals(WebhookOutcome.TOP_UP_FAILED, receiver.record(topUpIntent("evt_l1",
                PaymentIntentUpdate.PAYMENT_FAILED, "pi_later", DEVELOPER, 1, 0)));

        AutoTopUpStatus status = topUps.status(DEVELOPER);
        assertFalse(status.settings().orElseThrow().enabled());
        assertTrue(status.lastFailure().orElseThrow().contains("insufficient funds"), status.toString());
        assertEquals(4_000_000, balance(data, CREDIT));
    }

    @Test
    void aChargeThatFailedToReachTheProviderIsRetriedWithTheSameKey() throws SQLException {
        charges.answer(charge -> {
            throw new IllegalStateException("connection refused");
        });
        spend(6_000_000);

        assertEquals(1, topUps.runOnce());
        assertEquals(0, topUps.runOnce(), "not retried at once");
        assertEquals("charging", topUps.status(DEVELOPER).state());

        ageTheClaim();
        charges.answer(ScriptedCharges::succeeded);
        assertEquals(1, topUps.runOnce());

        assertEquals(List.of("auto-top-up:401:1", "auto-top-up:401:1"),
                charges.requests.stream().map(OffSessionCharge::idempotencyKey).toList());
        assertEquals(4_000_000 + AMOUNT_MICROS, balance(data, CREDIT));
        assertEquals(3, journalsOf(data, CREDIT));
    }

    @Test
    void withoutASavedCardNothingIsCharged() throws SQLException {
        charges.answer(ScriptedCharges::succeeded);
        Fixtures.grant(data, 402, 1_000_000, "grant-402");
        topUps.save(402, new AutoTopUpSettings(true, THRESHOLD_MICROS, AMOUNT_MICROS));

        assertEquals(0, topUps.runOnce());
        assertTrue(topUps.status(402).savedCard().isEmpty());
    }

    @Test
    void settingsOutsideTheLimitsAreRefusedWithAClearMessage() {
        assertEquals("The top-up amount must be between $5 and $10,000.", assertThrows(IllegalArgumentException.class,
                () -> new AutoTopUpSettings(true, 0, 4_990_000)).getMessage());
        assertEquals("The top-up amount must be a whole number of cents.", assertThrows(
                IllegalArgumentException.class, () -> new AutoTopUpSettings(true, 0, 5_000_001)).getMessage());
        assertEquals("The threshold must be between $0 and $10,000.", assertThrows(IllegalArgumentException.class,
                () -> new AutoTopUpSettings(true, -1, 5_000_000)).getMessage());
    }

    private void spend(long micros) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            new LedgerWriter().post(c, new JournalEntry(
                    "usage-" + System.nanoTime(), "usage", null, null, List.of(
                            new Posting(CREDIT, -micros),
                            new Posting(AccountCodes.REVENUE_TAKE, micros))));
            c.commit();
        }
    }

    private void ageTheClaim() throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE auto_top_up SET state_since = now() - interval '1 minute' WHERE developer_id = ?")) {
            s.setLong(1, DEVELOPER);
            assertEquals(1, s.executeUpdate());
        }
    }
}
