package dev.marketplace.systemtests.providers;

import static dev.marketplace.systemtests.providers.ProviderBrowsers.inBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.listings.ListingPages;
import dev.marketplace.systemtests.probe.ProbeStubs;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new provider's whole way to its first paid call, in browsers as people use them (issue 6): a new user applies to
 * become a provider and an admin approves; signed in again with the provider role, the user connects a payout account
 * on the Stripe stub's onboarding page, registers an endpoint, imports its model from the endpoint's List Models URL,
 * runs the verification probe (five checks pass against an honest upstream) and submits the listing; the admin
 * approves its first publication; a developer's call is routed to the new provider and its share lands in the
 * provider's payable account. Only the registry model is made by SQL (an admin's curation is tested elsewhere).
 */
class ProviderJourneyIT {
    /** In the lead's port range and on the test stack's outbound allow-list (scripts/test-stack.sh). */
    static final int UPSTREAM_PORT = 18200;
    private static final String BASE_URL = TestTarget.baseUrl();
    private static final long STAMP = System.currentTimeMillis();
    private static final String USERNAME = "journey-" + STAMP;
    private static final String SLUG = "journey/chat-" + STAMP;
    private static ProbeStubs upstream;

    @BeforeAll
    static void registryModelAndUpstream() throws Exception {
        try (Connection c = Db.connect()) {
            Db.queryLong(c, "insert into model (slug, name, context_length, max_output_tokens) values (?, 'Journey chat',"
                    + " 8192, 1024) returning id", SLUG);
        }
        upstream = ProbeStubs.honestWithModels(UPSTREAM_PORT, """
                {"data": [{"id": "journey-chat", "name": "Journey chat", "context_length": 8192, "max_output_length": 1024,
                  "input_modalities": ["text"], "output_modalities": ["text"], "openrouter": {"slug": "%s"},
                  "pricing": {"prompt": "0.000001", "completion": "0.000002"}, "description": "The journey's model."}]}"""
                .formatted(SLUG));
    }

    @AfterAll
    static void stopUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void signUpApprovalConnectOnboardingListingLiveAndACall() throws Exception {
        long started = System.nanoTime();
        RealmUsers.create(USERNAME);
        inBrowser("journey-applicant", driver -> new ProviderPortalPage(driver, BASE_URL)
                .openAndSignIn("/provider/apply", USERNAME, USERNAME).apply("Journey Models " + STAMP, "DE · Germany"));
        long applicationId;
        try (Connection c = Db.connect()) {
            applicationId = Db.queryLong(c, "select id from provider_application where username = ? and status = 'pending'",
                    USERNAME);
        }
        inBrowser("journey-admin-approves", driver -> new ProviderPortalPage(driver, BASE_URL)
                .openAndSignIn("/admin/providers", "admin", "admin").approve(applicationId));
        long providerId = sql("select provider_id from provider_member where username = ?", USERNAME);

        AtomicLong listingId = new AtomicLong();
        inBrowser("journey-provider", driver -> {
            PayoutAccountPage payouts = new PayoutAccountPage(driver);
            new ProviderPortalPage(driver, BASE_URL).openAndSignIn("/provider/payouts", USERNAME, USERNAME);
            payouts.toStripe().submitDetails();
            assertEquals("active", payouts.fact("payout-transfers"), "transfers capability after the stub's onboarding");

            ListingPages pages = new ListingPages(driver, BASE_URL).open("/provider/endpoints");
            String origin = "http://127.0.0.1:" + UPSTREAM_PORT;
            String saved = pages.registerEndpoint("main", origin + "/v1", "sk-journey-upstream-0001", origin + "/v1/models");
            assertTrue(saved.startsWith("Registered main"), saved);

            String imported = pages.open("/provider/listings").importFrom("main");
            assertTrue(imported.startsWith("Imported 1 model(s)"), imported);
            pages.waitForCell("provider-listings", SLUG);
            listingId.set(sql("select l.id from listing l join model m on m.id = l.model_id where m.slug = ? "
                    + "and l.status = 'draft'", SLUG));

            pages.open("/provider/probes/" + listingId.get()).click("probe-verify");
            // the page re-renders the checks while it polls the run: an element found may be replaced before it is read
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            for (String check : List.of("protocol", "completion", "streaming", "usage", "latency")) {
                wait.until(d -> "passed".equals(d.findElement(By.id("probe-check-" + check)).getDomAttribute("data-state")));
            }
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("probe-current"), ": passed"));

            pages.open("/provider/listings").click("submit-listing-" + listingId.get());
            assertTrue(pages.text("listing-message").endsWith("is pending."), pages.text("listing-message"));
        });

        inBrowser("journey-admin-publishes", driver -> {
            ListingPages admin = new ListingPages(driver, BASE_URL).signIn("/admin/listings", "admin");
            admin.waitForCell("pending-listings", SLUG);
            admin.click("approve-listing-" + listingId.get());
            assertTrue(admin.text("listing-queue-message").contains("live"), admin.text("listing-queue-message"));
        });

        HttpResponse<String> call = awaitRoutedCall(5_000);
        assertTrue(call.body().contains(ProbeStubs.REPLY), Http.describe(call));
        String generation = Http.json(call.body()).getString("id");
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from usage_record u join provider p on p.slug = u.provider_slug "
                    + "where u.id = ? and p.id = ? and u.status = 'ok' and u.cost_micros > 0", generation, providerId));
            long share = Db.queryLong(c, "select coalesce(sum(p.amount_micros), 0) from ledger_posting p join ledger_journal j "
                    + "on j.id = p.journal_id where j.idempotency_key = ? and p.account_code = ?", generation,
                    "provider:" + providerId + ":payable");
            assertTrue(share > 0, "the provider's share of the call is in its payable account: " + share);
        }
        System.out.printf("provider journey (apply, approve, Connect, endpoint, import, probe, publish, call): %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static long sql(String query, Object... parameters) {
        try (Connection c = Db.connect()) {
            return Db.queryLong(c, query, parameters);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** The catalog reaches the node within about a second of the approval: the first call may still find no route. */
    private static HttpResponse<String> awaitRoutedCall(long withinMs) throws InterruptedException {
        String body = "{\"model\":\"" + SLUG + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello, new provider\"}]}";
        long deadline = System.nanoTime() + withinMs * 1_000_000;
        while (true) {
            HttpResponse<String> r = Http.postJson(BASE_URL + "/api/v1/chat/completions", TestTarget.apiKey(), body);
            if (r.statusCode() == 200 || System.nanoTime() > deadline) {
                assertEquals(200, r.statusCode(), Http.describe(r));
                return r;
            }
            Thread.sleep(200);
        }
    }
}
