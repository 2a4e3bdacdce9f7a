package dev.marketplace.systemtests.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marketplace.systemtests.cluster.FundedDeveloper;
import dev.marketplace.systemtests.purchases.StripeStub;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StubUpstreams;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls of {@code test/settled} (served only by the seeded provider {@code fin-payee}) through the gateway, then in the
 * finance pages: a settlement run of that provider with its progress, the statement prepared by {@code finance},
 * refused for approval by the same user, approved by {@code finance2} and paid: one transfer on the Stripe stub with
 * the statement's amount and transfer group, one payout journal payable → stripe:clearing. Then the stub reverses the
 * transfer; its {@code transfer.reversed} webhook puts the amount back in the payable. The test stack runs settlement
 * 25 h ahead (scripts/test-stack.sh), so today's period counts as closed.
 */
class SettlementPayoutIT {

    private static final String BASE_URL = System.getProperty("market.baseUrl", "http://localhost:8380")
            .replaceAll("/+$", "");
    private static final String MODEL = "test/settled";
    private static final int CALLS = 4;
    private static final int TAKE_RATE_BPS = 500;
    private static final String ACCOUNT = "acct_1FinPayee" + Long.toString(System.nanoTime(), 36);

    private static StubUpstreams stubs;

    @BeforeAll
    static void startUpstreams() throws Exception {
        stubs = StubUpstreams.start(); // the healthy upstream (18194) that serves fin-payee's model
    }

    @AfterAll
    static void stopUpstreams() {
        stubs.close();
    }

    @Test
    void callsAreSettledApprovedByTwoPeoplePaidOnceAndAReversalComesBackToPayable() throws Exception {
        assumeTrue(StripeStub.url().isPresent(), "needs the Stripe stub");
        long provider;
        long payableBefore;
        try (Connection c = Db.connect()) {
            provider = Db.queryLong(c, "select id from provider where slug = 'fin-payee'");
            assertEquals(0, Db.queryLong(c, "select count(*) from settlement_statement where provider_id = ?", provider),
                    "a fresh stack: no statement of the finance payee yet");
            payableBefore = Db.queryLong(c, "select coalesce(sum(amount_micros), 0) from ledger_posting"
                    + " where account_code = ?", "provider:" + provider + ":payable");
            Db.queryLong(c, "insert into settlement_setting (provider_id, frequency, minimum_payout_micros, updated_by)"
                    + " values (?, 'daily', 0, 'it') returning provider_id", provider);
            Db.queryLong(c, "insert into provider_payout_account (provider_id, stripe_account_id, details_submitted,"
                    + " charges_enabled, payouts_enabled, transfers_capability) values (?, ?, true, true, true, 'active')"
                    + " returning provider_id", provider, ACCOUNT);
        }
        FundedDeveloper developer = FundedDeveloper.create(100_000_000, null);
        for (int i = 0; i < CALLS; i++) {
            HttpResponse<String> r = Http.postJson(BASE_URL + "/api/v1/chat/completions", developer.apiKey(),
                    Json.createObjectBuilder().add("model", MODEL).add("max_tokens", 11).add("messages",
                            Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                                    .add("content", "settle me " + i))).build().toString());
            assertEquals(200, r.statusCode(), () -> Http.describe(r));
        }
        // each call's gross as metered (about $1.10: 11 completion tokens at $100,000/Mtok), split as billing splits
        long gross = 0;
        long net = 0;
        try (Connection c = Db.connect()) {
            for (String cost : Db.queryStrings(c, "select cost_micros from usage_record where developer_id = "
                    + developer.developerId() + " and model_slug = '" + MODEL + "' and status = 'ok'")) {
                long micros = Long.parseLong(cost);
                long fee = (micros * TAKE_RATE_BPS + 5_000) / 10_000; // round half up, as Money.split
                gross += micros;
                net += micros - fee;
            }
        }
        assertTrue(gross > CALLS * 1_000_000L, "the calls cost about $1.10 each: " + gross);
        long due = payableBefore + net;
        long payoutCents = due / 10_000;

        long statementId;
        try (FinancePage fiona = new FinancePage(BASE_URL, "finance")) {
            try {
                fiona.signIn("/finance/settlements?provider=" + provider);
                fiona.click("run-settlement");
                assertTrue(fiona.awaitText("settlement-status", "Run finished").contains("new statements"));
                try (Connection c = Db.connect()) {
                    statementId = Db.queryLong(c, "select id from settlement_statement where provider_id = ?"
                            + " and period_start <= now() and period_end > now()", provider);
                    assertEquals(net, Db.queryLong(c, "select net_micros from settlement_statement where id = ?",
                            statementId));
                    assertEquals(gross, Db.queryLong(c, "select gross_micros from settlement_statement where id = ?",
                            statementId));
                    assertEquals(CALLS, Db.queryLong(c, "select requests from settlement_line where statement_id = ?"
                            + " and model = ?", statementId, MODEL));
                }
                fiona.open("/finance/settlements/" + statementId, "statement-summary");
                fiona.click("prepare-statement");
                fiona.awaitText("statement-status", "prepared by finance");
                fiona.click("approve-statement");
                assertTrue(fiona.awaitText("statement-action-error", "another finance user must approve it")
                        .contains("prepared by finance"));
                String csv = fiona.fetch("/export/statements/" + statementId + ".csv");
                assertTrue(csv.startsWith("200\nstatement,provider,") && csv.contains(",usage,")
                        && csv.contains("," + MODEL + "," + CALLS + ","), csv);
                assertTrue(fiona.fetch("/export/statements/" + statementId + ".html")
                        .contains("Settlement statement #" + statementId));
            } catch (RuntimeException | AssertionError e) {
                fiona.screenshot("SettlementPayoutIT-finance");
                throw e;
            }
        }
        try (FinancePage frank = new FinancePage(BASE_URL, "finance2")) {
            try {
                frank.signIn("/finance/settlements/" + statementId);
                frank.click("approve-statement");
                frank.awaitText("statement-status", "approved by finance2");
                frank.click("pay-statement");
                assertTrue(frank.awaitText("statement-status", "paid").contains("approved by finance2"));
            } catch (RuntimeException | AssertionError e) {
                frank.screenshot("SettlementPayoutIT-finance2");
                throw e;
            }
        }

        assertEquals(401, Http.get(BASE_URL + "/export/statements/" + statementId + ".csv", null).statusCode(),
                "no export without a portal session");
        String transferId;
        try (Connection c = Db.connect()) {
            transferId = Db.queryStrings(c, "select transfer_id from payout_transfer where statement_id = "
                    + statementId).get(0);
            assertEquals(1, Db.queryLong(c, "select count(*) from ledger_journal where kind = 'payout'"
                    + " and idempotency_key = ? and external_ref = ?", "payout:statement:" + statementId, transferId));
            assertEquals(due - payoutCents * 10_000, Db.queryLong(c, "select balance_micros from account_balance"
                    + " where account_code = ?", "provider:" + provider + ":payable"));
            assertEquals(2, Db.queryLong(c, "select count(*) from audit_log where target = ? and action in"
                    + " ('settlement.prepared', 'settlement.approved')", "statement:" + statementId));
        }
        HttpResponse<String> listed = Http.get(StripeStub.url().orElseThrow() + "/v1/transfers?transfer_group=statement_"
                + statementId, "sk_test_finance_it");
        JsonArray transfers = Http.json(listed.body()).getJsonArray("data");
        assertEquals(1, transfers.size(), listed.body());
        JsonObject transfer = transfers.getJsonObject(0);
        assertEquals(transferId, transfer.getString("id"));
        assertEquals(payoutCents, transfer.getJsonNumber("amount").longValue());
        assertEquals(ACCOUNT, transfer.getString("destination"));

        HttpResponse<String> reversed = Http.send(HttpRequest.newBuilder(java.net.URI.create(
                StripeStub.url().orElseThrow() + "/_stub/transfers/" + transferId + "/reverse"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reversed.statusCode(), () -> Http.describe(reversed));
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        long payable;
        try (Connection c = Db.connect()) {
            do {
                Thread.sleep(200);
                payable = Db.queryLong(c, "select balance_micros from account_balance where account_code = ?",
                        "provider:" + provider + ":payable");
            } while (payable != due && Instant.now().isBefore(giveUp));
            assertEquals(due, payable, "the reversed transfer is owed again");
            assertEquals(1, Db.queryLong(c, "select count(*) from ledger_journal where kind = 'transfer_reversal'"
                    + " and external_ref = ?", transferId));
            assertEquals(payoutCents, Db.queryLong(c, "select reversed_cents from payout_transfer where statement_id = ?",
                    statementId));
        }
    }
}
