package dev.marketplace.systemtests.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.browser.HeadlessChromium;
import dev.marketplace.systemtests.providers.RealmUsers;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import dev.marketplace.systemtests.support.WithStubUpstreams;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member of the provider serving {@code portal/catalog} opens {@code /provider} after two paid calls and sees
 * today's gross, take-rate fee and net share for the model, and the running balance, equal to the ledger's posted
 * lines to the micro-dollar.
 */
@ExtendWith(WithStubUpstreams.class)
class ProviderDashboardIT {
    static final String PROVIDER = "portal-it";

    @Test
    void theDashboardShowsTodaysNumbersAsTheLedgerPostedThem() throws Exception {
        String username = "pdash" + System.currentTimeMillis();
        RealmUsers.create(username);
        RealmUsers.grantRealmRole(username, "provider");
        long providerId;
        try (Connection c = Db.connect()) {
            providerId = Db.queryLong(c, "select id from provider where slug = ?", PROVIDER);
            Db.queryLong(c, "with m as (insert into provider_member (provider_id, username) values (?, ?) returning 1) "
                    + "select count(*) from m", providerId, username);
        }
        for (String prompt : List.of("first paid call", "second paid call, a little longer")) {
            HttpResponse<String> reply = Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                    "{\"model\":\"" + PublicCatalogIT.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt
                            + "\"}],\"max_tokens\":50}");
            assertEquals(200, reply.statusCode(), Http.describe(reply));
        }

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long share;
        long fee;
        long balance;
        try (Connection c = Db.connect()) {
            String payable = "provider:" + providerId + ":payable";
            String todays = """
                    select coalesce(sum(p.amount_micros), 0) from ledger_posting p
                    join ledger_journal j on j.id = p.journal_id and j.kind = 'usage'
                    join usage_record u on u.id = j.idempotency_key
                    where p.journal_id in (select journal_id from ledger_posting where account_code = ?)
                      and p.account_code = ? and u.model_slug = ?
                      and (p.created_at at time zone 'UTC')::date = (now() at time zone 'UTC')::date""";
            share = Db.queryLong(c, todays, payable, payable, PublicCatalogIT.MODEL);
            fee = Db.queryLong(c, todays, payable, "platform:revenue:take", PublicCatalogIT.MODEL);
            balance = Db.queryLong(c, "select coalesce(sum(amount_micros), 0) from ledger_posting where account_code = ?",
                    payable);
        }
        assertTrue(share > 0 && fee > 0, "the calls were posted: share " + share + ", fee " + fee);

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            PortalBrowser page = new PortalBrowser(chromium.driver(), TestTarget.baseUrl());
            page.openSignedIn("/provider", username, username);
            page.waitVisible("dashboard-table");
            assertEquals(usd(balance), page.textContent("dashboard-balance"));
            List<String> row = page.gridRows("dashboard-table").stream()
                    .filter(r -> r.get(0).equals(today.toString()) && r.get(1).equals(PublicCatalogIT.MODEL))
                    .findFirst().orElseThrow(() -> new AssertionError(page.gridRows("dashboard-table").toString()));
            assertEquals(usd(share + fee), row.get(4), "gross");
            assertEquals(usd(fee), row.get(5), "take-rate fee");
            assertEquals(usd(share), row.get(6), "net share");
            assertTrue(Long.parseLong(row.get(2)) >= 2, "requests " + row);
        }
    }

    /** As the portal prints money: exact, six decimals. */
    static String usd(long micros) {
        return (micros < 0 ? "-$" : "$") + BigDecimal.valueOf(Math.abs(micros), 6).toPlainString();
    }
}
