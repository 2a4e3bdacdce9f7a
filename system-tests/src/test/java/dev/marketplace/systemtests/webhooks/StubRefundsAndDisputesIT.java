package dev.marketplace.systemtests.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marketplace.systemtests.purchases.StripeStub;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refunds and disputes made at the test stack's Stripe stub (as a payer's bank or the support desk would at
 * Stripe) reach the ledger through the stub's signed webhooks: exact balance and journal count afterwards.
 */
class StubRefundsAndDisputesIT {

    @BeforeAll
    static void needsTheStub() {
        assumeTrue(StripeStub.url().isPresent(), "the stack runs against real Stripe: no stub control endpoints");
    }

    @AfterEach
    void resetDelivery() {
        StripeStub.resetDelivery();
    }

    @Test
    void twoPartialRefundsAtTheStubReverseSevenDollarsWhateverTheDelivery() throws Exception {
        StripeStub.configure("{\"duplicates\":3,\"reorder\":true}");
        FreshDeveloper developer = FreshDeveloper.create();
        String charge = buy(developer);

        control("/_stub/charges/" + charge + "/refund?amount=300");
        control("/_stub/charges/" + charge + "/refund?amount=400");
        StripeStub.awaitDelivered("charge.refunded", charge, 3);

        assertBooks(developer, 3_000_000, 3);
    }

    @Test
    void aDisputeWonAtTheStubHoldsThenReleases() throws Exception {
        FreshDeveloper developer = FreshDeveloper.create();
        String charge = buy(developer);

        String dispute = control("/_stub/charges/" + charge + "/dispute?amount=800").getString("id");
        StripeStub.awaitDelivered("charge.dispute.created", dispute, 1);
        assertBooks(developer, 2_000_000, 2);

        control("/_stub/disputes/" + dispute + "/close?status=won");
        StripeStub.awaitDelivered("charge.dispute.closed", dispute, 1);
        assertBooks(developer, 10_000_000, 3);
    }

    @Test
    void aDisputeLostAtTheStubBooksTheAmountAndItsFee() throws Exception {
        FreshDeveloper developer = FreshDeveloper.create();
        String charge = buy(developer);

        String dispute = control("/_stub/charges/" + charge + "/dispute?amount=800").getString("id");
        control("/_stub/disputes/" + dispute + "/close?status=lost");
        StripeStub.awaitDelivered("charge.dispute.closed", dispute, 1);

        assertBooks(developer, 2_000_000, 2);
        try (Connection c = Db.connect()) {
            String key = "stripe:dispute:" + dispute + ":lost";
            assertEquals(0, Db.queryLong(c, "select sum(p.amount_micros) from ledger_posting p join ledger_journal j"
                    + " on j.id = p.journal_id where j.idempotency_key = ?", key));
            assertEquals(-8_000_000, Db.queryLong(c, "select p.amount_micros from ledger_posting p join ledger_journal j"
                    + " on j.id = p.journal_id where j.idempotency_key = ? and p.account_code = 'platform:disputes'", key));
        }
    }

    /** Buys $10 through the stub's Checkout; returns the charge. */
    private static String buy(FreshDeveloper developer) throws Exception {
        HttpResponse<String> started = Http.postJson(TestTarget.apiUrl() + "/credits/checkout", developer.apiKey(),
                "{\"amount\":\"10.00\"}");
        assertEquals(200, started.statusCode(), () -> Http.describe(started));
        String session = Http.json(started.body()).getJsonObject("data").getString("id");
        StripeStub.pay(session, "succeed");
        StripeStub.awaitDelivered("checkout.session.completed", session, 1);
        assertBooks(developer, 10_000_000, 1);
        String intent;
        try (Connection c = Db.connect()) {
            intent = Db.queryStrings(c, "select payment_intent_id from credit_purchase where session_id = '" + session
                    + "'").get(0);
        }
        HttpResponse<String> events = Http.get(StripeStub.url().orElseThrow()
                + "/_stub/events?limit=500&type=charge.succeeded", null);
        return Http.json(events.body()).getJsonArray("data").stream()
                .map(e -> e.asJsonObject().getJsonObject("event").getJsonObject("data").getJsonObject("object"))
                .filter(ch -> intent.equals(ch.getString("payment_intent")))
                .map(ch -> ch.getString("id")).findFirst().orElseThrow();
    }

    private static JsonObject control(String path) {
        HttpResponse<String> r = Http.postJson(StripeStub.url().orElseThrow() + path, null, "");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        return Http.json(r.body());
    }

    private static void assertBooks(FreshDeveloper developer, long balanceMicros, long journals) throws SQLException {
        try (Connection c = Db.connect()) {
            assertEquals(List.of(balanceMicros, journals), List.of(
                    Db.queryLong(c, "select coalesce((select balance_micros from account_balance where account_code = ?),"
                            + " 0)", developer.creditAccount()),
                    Db.queryLong(c, "select count(distinct journal_id) from ledger_posting where account_code = ?",
                            developer.creditAccount())), "balance and journals of " + developer.creditAccount());
        }
    }
}
