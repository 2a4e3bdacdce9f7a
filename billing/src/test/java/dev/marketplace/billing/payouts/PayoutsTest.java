package dev.marketplace.billing.payouts;

import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import dev.marketplace.billing.purchases.TransferReversed;
import dev.marketplace.billing.purchases.WebhookOutcome;
import dev.marketplace.billing.settlements.Frequency;
import dev.marketplace.billing.settlements.SettlementPayee;
import dev.marketplace.billing.settlements.SettlementPolicy;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementLine;
import dev.marketplace.billing.settlements.StatementStateException;
import dev.marketplace.billing.settlements.StatementStatus;
import dev.marketplace.billing.settlements.TestSettlements;
import dev.marketplace.billing.testing.SettlementFixtures;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PayoutsTest {

    private static final Instant DAY1 = Instant.parse("2026-04-06T00:00:00Z");
    private static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    private static final Instant DAY3 = DAY2.plus(Duration.ofDays(1));
    private static final String ACCOUNT = "acct_1Payee";

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private static SettlementFixtures fixtures;

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
        fixtures = new SettlementFixtures(dataSource);
    }

    /** A statement of DAY1 for the provider, prepared by alice and approved by bob. */
    private static Statement approvedStatement(long provider, long grossMicros) throws SQLException {
        fixtures.charge("p" + provider + "-1", provider, false, "acme/big", 5, 5, grossMicros, 500, DAY1.plusSeconds(9));
        var settlements = TestSettlements.at(dataSource, DAY2.plus(Duration.ofHours(1)),
                new SettlementPolicy(Frequency.DAILY, 25_000_000, Duration.ofMinutes(30)));
        Statement draft = settlements.settleDue(new SettlementPayee(provider, "p", false), fixtures.attribution(), "run")
                .get(0);
        settlements.prepare(draft.id(), "alice", fixtures.audit());
        return settlements.approve(draft.id(), "bob", fixtures.audit());
    }

    private static long journals(String key) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?", key);
    }

    @Test
    void aRunThatDiesBetweenStripeAndTheCommitIsRetriedIntoOneTransferAndOneJournal() throws SQLException {
        Statement statement = approvedStatement(601, 31_578_948); // net 30,000,001: pays 30,000,000
        FakeTransfers stripe = new FakeTransfers();
        Payouts crashing = new Payouts(dataSource, stripe, (id, transfer) -> {
            throw new IllegalStateException("killed after Stripe answered " + transfer);
        });

        assertThrows(IllegalStateException.class, () -> crashing.pay(statement.id(), ACCOUNT, "bob", fixtures.audit()));
        assertEquals(0, journals(PayoutJournals.payoutKey(statement.id())));
        assertEquals(30_000_001, balance(dataSource, AccountCodes.providerPayable(601)));

        Payout paid = new Payouts(dataSource, stripe, PayoutFaults.NONE).pay(statement.id(), ACCOUNT, "bob",
                fixtures.audit());
        Payout again = new Payouts(dataSource, stripe, PayoutFaults.NONE).pay(statement.id(), ACCOUNT, "carol",
                fixtures.audit());

        assertEquals(1, stripe.created.size());
        assertEquals(1, stripe.requests.size(), "the retry found the transfer by its group, it did not ask again");
        TransferRequest request = stripe.requests.get(0);
        assertEquals(List.of(3000L, ACCOUNT, "statement_" + statement.id(), "payout-statement_" + statement.id()),
                List.of(request.amountCents(), request.destination(), request.transferGroup(), request.idempotencyKey()));
        assertEquals(paid, again);
        assertEquals(List.of(PayoutStatus.CREATED, stripe.created.get(0).id()), List.of(paid.status(), paid.transferId()));
        assertEquals(1, journals(PayoutJournals.payoutKey(statement.id())));
        assertEquals(1, balance(dataSource, AccountCodes.providerPayable(601)), "the micro below a cent stays owed");
        assertEquals(StatementStatus.PAID, TestSettlements.at(dataSource, DAY3, null).find(statement.id()).orElseThrow()
                .status());
        assertTrue(fixtures.audited.contains("bob settlement.paid statement:" + statement.id()));
        assertInvariantsOk(dataSource);
    }

    @Test
    void aRetryAfterStripeForgotTheIdempotencyKeyStillPaysOnce() throws SQLException {
        Statement statement = approvedStatement(611, 40_000_000);
        FakeTransfers stripe = new FakeTransfers();
        assertThrows(IllegalStateException.class, () -> new Payouts(dataSource, stripe, (id, t) -> {
            throw new IllegalStateException("killed");
        }).pay(statement.id(), ACCOUNT, "bob", fixtures.audit()));
        stripe.forgetKeys(); // a day later

        new Payouts(dataSource, stripe, PayoutFaults.NONE).pay(statement.id(), ACCOUNT, "bob", fixtures.audit());

        assertEquals(1, stripe.created.size());
        assertEquals(1, journals(PayoutJournals.payoutKey(statement.id())));
        assertInvariantsOk(dataSource);
    }

    @Test
    void onlyAnApprovedStatementWithSomethingToPayIsPaid() throws SQLException {
        long provider = 621;
        fixtures.charge("p621-1", provider, false, "acme/big", 5, 5, 1_000_000, 500, DAY1.plusSeconds(9));
        var settlements = TestSettlements.at(dataSource, DAY2.plus(Duration.ofHours(1)),
                new SettlementPolicy(Frequency.DAILY, 25_000_000, Duration.ofMinutes(30)));
        Statement small = settlements.settleDue(new SettlementPayee(provider, "p", false), fixtures.attribution(), "run")
                .get(0);
        Payouts payouts = new Payouts(dataSource, new FakeTransfers(), PayoutFaults.NONE);

        assertThrows(StatementStateException.class, () -> payouts.pay(small.id(), ACCOUNT, "bob", fixtures.audit()));
        settlements.prepare(small.id(), "alice", fixtures.audit());
        settlements.approve(small.id(), "bob", fixtures.audit());
        assertThrows(StatementStateException.class, () -> payouts.pay(small.id(), ACCOUNT, "bob", fixtures.audit()),
                "below the minimum: carried over, nothing to pay");
    }

    @Test
    void aReversedTransferIsBackInPayableAndPaidOnceWithTheNextStatement() throws SQLException {
        long provider = 631;
        Statement first = approvedStatement(provider, 40_000_000); // net 38,000,000
        FakeTransfers stripe = new FakeTransfers();
        Payouts payouts = new Payouts(dataSource, stripe, PayoutFaults.NONE);
        Payout paid = payouts.pay(first.id(), ACCOUNT, "bob", fixtures.audit());
        assertEquals(0, balance(dataSource, AccountCodes.providerPayable(provider)));

        ReceivePaymentEvent webhooks = new ReceivePaymentEvent(dataSource, null) { };
        String payload = "{\"id\":\"evt_rev1\"}";
        assertEquals(WebhookOutcome.TRANSFER_REVERSED, webhooks.record(new TransferReversed("evt_rev1",
                TransferReversed.TYPE, payload, paid.transferId(), 3800)));
        assertEquals(WebhookOutcome.DUPLICATE_EVENT, webhooks.record(new TransferReversed("evt_rev1",
                TransferReversed.TYPE, payload, paid.transferId(), 3800)));
        assertEquals(WebhookOutcome.NOTHING_NEW, webhooks.record(new TransferReversed("evt_rev2",
                TransferReversed.TYPE, "{\"id\":\"evt_rev2\"}", paid.transferId(), 3800)));
        fixtures.backdate("transfer-reversal:" + paid.transferId() + ":3800", DAY2.plusSeconds(100));
        fixtures.backdate(PayoutJournals.payoutKey(first.id()), DAY2.plusSeconds(50));
        assertEquals(38_000_000, balance(dataSource, AccountCodes.providerPayable(provider)));
        fixtures.charge("p631-2", provider, false, "acme/big", 5, 5, 2_000_000, 500, DAY2.plusSeconds(200));

        var settlements = TestSettlements.at(dataSource, DAY3.plus(Duration.ofHours(1)),
                new SettlementPolicy(Frequency.DAILY, 25_000_000, Duration.ofMinutes(30)));
        Statement second = settlements.settleDue(new SettlementPayee(provider, "p", false), fixtures.attribution(),
                "run").get(0);
        assertEquals(List.of(38_000_000L, 1_900_000L, 39_900_000L), List.of(second.adjustmentsMicros(),
                second.netMicros(), second.payoutMicros()), "the payout of the first statement is no adjustment");
        StatementLine adjustment = settlements.lines(second.id()).stream()
                .filter(l -> l.kind() == StatementLine.Kind.ADJUSTMENT).findFirst().orElseThrow();
        assertTrue(adjustment.reason().contains(paid.transferId()), adjustment.reason());
        settlements.prepare(second.id(), "alice", fixtures.audit());
        settlements.approve(second.id(), "bob", fixtures.audit());
        payouts.pay(second.id(), ACCOUNT, "bob", fixtures.audit());
        payouts.pay(second.id(), ACCOUNT, "bob", fixtures.audit());

        assertEquals(2, stripe.created.size());
        assertEquals(3990L, stripe.created.get(1).amountCents());
        assertEquals(0, balance(dataSource, AccountCodes.providerPayable(provider)));
        assertEquals(PayoutStatus.REVERSED, payouts.find(first.id()).orElseThrow().status());
        assertInvariantsOk(dataSource);
    }

    @Test
    void pendingFundsNameTheirChargeAsSourceTransaction() throws SQLException {
        Statement statement = approvedStatement(641, 40_000_000);
        FakeTransfers stripe = new FakeTransfers();
        stripe.pendingSource = java.util.Optional.of("ch_pending1");

        Payout paid = new Payouts(dataSource, stripe, PayoutFaults.NONE).pay(statement.id(), ACCOUNT, "bob",
                fixtures.audit());

        assertEquals("ch_pending1", stripe.requests.get(0).sourceTransaction());
        assertEquals("ch_pending1", paid.sourceTransaction());
    }
}
