package dev.marketplace.onboarding.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.catalog.stats.EndpointStatsCollector;
import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.onboarding.providerapi.application.ProviderInsights;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider dashboard on a real PostgreSQL with real ledger rows: the money per model and day is what the usage
 * journals posted (not prices × tokens), only the provider's own, the payable balance, the payout lines and health.
 */
class ProviderDashboardTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private static ProviderDashboard dashboard;
    private static long acme;
    private static long other;

    @BeforeAll
    static void seed() throws SQLException {
        dashboard = new ProviderDashboard(db.dataSource());
        acme = db.provider("acme");
        other = db.provider("other");
        db.execute("insert into provider_member (provider_id, username) values (" + acme + ", 'pat')");
        db.execute("insert into provider_endpoint (provider_id, name, base_url, adapter_id) select id, 'main', "
                + "'http://x', 'openai' from provider");
        db.execute("insert into model (slug, name, context_length, max_output_tokens) values "
                + "('acme/a', 'A', 1000, 100), ('acme/b', 'B', 1000, 100)");
        // prices on the listings are deliberately unrelated to the posted amounts: the dashboard must not recompute
        db.execute("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                + "output_price_micros_per_mtok, status) select m.id, e.id, m.slug, 999, 999, 'live' from model m, "
                + "provider_endpoint e");
        db.execute("insert into developer (username) values ('dev')");
        db.execute("insert into api_key (developer_id, name, key_hash, key_hint) select id, 'k', 'h', 'x' from developer");
        db.execute("insert into ledger_account (code) values ('developer:1:credit'), ('provider:" + acme + ":payable'), "
                + "('provider:" + other + ":payable'), ('platform:revenue:take'), ('platform:stripe:clearing')");
        call("g1", acme, "acme/a", "2026-11-01T10:00:00Z", 100, 50, "ok", 1_000, 50);
        call("g2", acme, "acme/a", "2026-11-01T11:00:00Z", 10, 5, "ok", 101, 5);
        call("g3", acme, "acme/b", "2026-11-02T09:00:00Z", 7, 3, "ok", 20, 1);
        call("g4", acme, "acme/a", "2026-11-02T23:59:59.9Z", 1, 1, "error", 0, 0); // failed: not a request served
        call("g5", other, "acme/a", "2026-11-01T10:00:00Z", 1_000, 1_000, "ok", 777_777, 7_777); // another provider
        call("g6", acme, "acme/a", "2026-10-31T23:00:00Z", 1, 1, "ok", 5, 0); // before the period, fee 0
        journal("payout:1", "payout", "provider:" + acme + ":payable", -900, "platform:stripe:clearing", "2026-11-02T12:00:00Z");
    }

    /** A usage record on the provider's listing of the model, and (when gross > 0) its usage journal. */
    private static void call(String id, long provider, String model, String at, int prompt, int completion,
                             String status, long gross, long fee) throws SQLException {
        db.execute("insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id, "
                + "prompt_tokens, completion_tokens, cost_micros, status, created_at, latency_ms) select '" + id
                + "', 1, 1, '" + model + "', 'p', l.id, " + prompt + ", " + completion + ", " + gross + ", '" + status
                + "', '" + at + "', 100 from listing l join model m on m.id = l.model_id join provider_endpoint e "
                + "on e.id = l.endpoint_id where m.slug = '" + model + "' and e.provider_id = " + provider);
        if (gross == 0) {
            return;
        }
        String postings = "('developer:1:credit', " + -gross + "), ('provider:" + provider + ":payable', " + (gross - fee) + ")"
                + (fee == 0 ? "" : ", ('platform:revenue:take', " + fee + ")");
        db.execute("with j as (insert into ledger_journal (idempotency_key, kind, created_at) values ('" + id
                + "', 'usage', '" + at + "') returning id) insert into ledger_posting (journal_id, account_code, "
                + "amount_micros, created_at) select j.id, v.a, v.m, '" + at + "' from j, (values " + postings
                + ") as v(a, m)");
    }

    private static void journal(String key, String kind, String account, long amount, String counter, String at)
            throws SQLException {
        db.execute("with j as (insert into ledger_journal (idempotency_key, kind, memo, external_ref, created_at) values ('"
                + key + "', '" + kind + "', 'November', 'tr_1', '" + at + "') returning id) insert into ledger_posting "
                + "(journal_id, account_code, amount_micros, created_at) select j.id, v.a, v.m, '" + at + "' from j, "
                + "(values ('" + account + "', " + amount + "), ('" + counter + "', " + -amount + ")) as v(a, m)");
    }

    @Test
    void theProviderComesFromMembershipOnly() {
        assertEquals(acme, dashboard.providerOf("pat").orElseThrow().id());
        assertTrue(dashboard.providerOf("stranger").isEmpty());
    }

    @Test
    void dailyEarningsAreThePostedLinesPerModelAndDay() {
        assertEquals(List.of(
                        new DailyEarnings(D1, "acme/a", 2, 110, 55, 1_101, 55, 1_046),
                        new DailyEarnings(D1.plusDays(1), "acme/b", 1, 7, 3, 20, 1, 19)),
                dashboard.daily(acme, D1, D1.plusDays(1)));
        assertEquals(List.of(new DailyEarnings(D1.minusDays(1), "acme/a", 1, 1, 1, 5, 0, 5)),
                dashboard.daily(acme, D1.minusDays(1), D1.minusDays(1)));
    }

    @Test
    void feeAndShareAddBackToGrossOnEveryRow() {
        for (DailyEarnings row : dashboard.daily(acme, D1.minusDays(5), D1.plusDays(5))) {
            assertEquals(row.grossMicros(), row.feeMicros() + row.shareMicros(), row.toString());
        }
    }

    @Test
    void thePayableBalanceIsEverythingPostedToIt() {
        assertEquals(1_046 + 19 + 5 - 900, dashboard.payableBalanceMicros(acme));
    }

    @Test
    void payoutsAreTheOtherJournalsOnThePayable() {
        List<LedgerLine> lines = dashboard.payouts(acme);
        assertEquals(1, lines.size());
        assertEquals("payout", lines.get(0).kind());
        assertEquals(-900, lines.get(0).amountMicros());
        assertEquals("tr_1", lines.get(0).externalRef());
        assertTrue(dashboard.payouts(other).isEmpty());
    }

    @Test
    void healthWithoutRecentCallsHasNoUptime() {
        List<EndpointHealth> health = dashboard.health(acme);
        assertEquals(1, health.size());
        assertNull(health.get(0).uptimeLast1d());
        assertEquals(0, health.get(0).okLast1d());
    }

    @Test
    void healthCountsTheDaysCallsByClass() throws SQLException {
        long p = db.provider("fresh");
        db.execute("insert into provider_endpoint (provider_id, name, base_url, adapter_id) values (" + p
                + ", 'e', 'http://z', 'openai')");
        db.execute("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                + "output_price_micros_per_mtok, status) select m.id, e.id, 'u', 1, 1, 'live' from model m, "
                + "provider_endpoint e where m.slug = 'acme/a' and e.provider_id = " + p);
        long listing = db.longValue("select l.id from listing l join provider_endpoint e on e.id = l.endpoint_id "
                + "where e.provider_id = ?", p);
        // health comes from the endpoint stats rollup: the calls as the settle path counts them, flushed a minute ago
        EndpointStatsCollector node = new EndpointStatsCollector(db.dataSource(), () -> System.currentTimeMillis() - 60_000);
        node.observe(listing, UsageStatus.OK, 100, 10, false);
        node.observe(listing, UsageStatus.OK, 200, 10, true);
        node.observe(listing, UsageStatus.OK, 300, 10, false);
        node.observe(listing, UsageStatus.ERROR, 0, 0, false);
        node.observe(listing, UsageStatus.CANCELLED, 0, 0, false);
        node.flush();
        EndpointHealth h = dashboard.health(p).get(0);
        assertEquals(0.75, h.uptimeLast5m());
        assertEquals(0.75, h.uptimeLast1d());
        assertEquals(200.0, h.latencyP50Ms(), 200 * 0.0625, "percentile_cont of 100, 200, 300, within the resolution");
        assertEquals(290.0, h.latencyP95Ms(), 290 * 0.0625);
        assertEquals(3, h.okLast1d());
        assertEquals(1, h.errorsLast1d());
        assertEquals(1, h.cancelledLast1d());
        assertEquals(1, h.cappedLast1d());

        // the provider API's endpoint health reads the same rollup
        long endpoint = db.longValue("select id from provider_endpoint where provider_id = ?", p);
        var api = new ProviderInsights(db.dataSource()).health(p, endpoint);
        assertEquals(5, api.requestsLast1d());
        assertEquals(0.75, api.uptimeLast5m());
        assertEquals(0.75, api.uptimeLast30m());
        assertEquals(Map.of("upstream_error", 1L, "cancelled", 1L, "capped_usage", 1L), api.errorClassesLast1d());
        assertEquals(290.0, api.latencyP95Ms(), 290 * 0.0625);
    }

    @Test
    void aPeriodIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> dashboard.daily(acme, D1, D1.minusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> dashboard.daily(acme, D1, D1.plusDays(400)));
    }
}
