package dev.marketplace.systemtests.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marketplace.systemtests.purchases.StripeStub;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StripeWebhooks;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * "No paid traffic to a provider without transfers capability active", end to end: the seeded provider
 * {@code connect-gated} (not exempt) has a live listing that is not routed; a member onboards through the Payout
 * account page and the Stripe stub's hosted onboarding (a used link comes back through the refresh page with a
 * fresh one); the signed {@code account.updated} on the Connect endpoint
 * makes the listing routed within 2 s. Then the Connect endpoint's rules: a bad signature is a 400 in the API's
 * error shape, a stale event changes nothing, one event delivered many times is applied once, and transfers disabled
 * at Stripe (the stub) stop the traffic again within 2 s.
 */
class PayoutAccountIT {

    private static final String MODEL = "test/connect-gated";
    private static final Duration PROPAGATION = Duration.ofSeconds(2);

    @Test
    void transfersActiveIsWhatLetsTrafficThrough() throws Exception {
        assumeTrue(StripeStub.url().isPresent(), "needs the Stripe stub");
        String username = "payee-" + System.currentTimeMillis();
        RealmUsers.create(username);
        RealmUsers.grantRealmRole(username, "provider");
        try (Connection c = Db.connect()) {
            long provider = Db.queryLong(c, "select id from provider where slug = 'connect-gated'");
            Db.queryLong(c, "with gone as (delete from provider_payout_account where provider_id = ? returning 1) "
                    + "select count(*) from gone", provider);
            Db.queryLong(c, "with added as (insert into provider_member (provider_id, username) values (?, ?) "
                    + "returning 1) select count(*) from added", provider, username);
        }
        awaitRouted(false, Duration.ofSeconds(5));
        HttpResponse<String> refused = Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}");
        assertEquals(404, refused.statusCode(), () -> Http.describe(refused));

        String account = onboardInBrowser(username);

        long routedAfterMs = awaitRouted(true, PROPAGATION);
        System.out.println("PayoutAccountIT: listing routed " + routedAfterMs + " ms after the browser returned");
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from provider_payout_account where stripe_account_id = ? "
                    + "and transfers_capability = 'active' and details_submitted", account));
            assertEquals(1, Db.queryLong(c, "select count(*) from stripe_connect_event where account = ? "
                    + "and type = 'account.updated'", account), "the stub's signed event arrived and was recorded");
            assertEquals(1, Db.queryLong(c, "select count(*) from inbox_notice where username = ? "
                    + "and subject = 'Your payout account is active'", username), "announced once (event and read)");
        }

        HttpResponse<String> forged = postConnect(accountUpdated("evt_forged_" + account, account, "inactive", "[]",
                Instant.now()), StripeWebhooks.LOCAL_DEV_SECRET);
        assertEquals(400, forged.statusCode(), () -> Http.describe(forged));
        JsonObject error = Http.json(forged.body()).getJsonObject("error");
        assertEquals(400, error.getInt("code"));
        assertEquals("Stripe-Signature", error.getString("param"));

        String stale = "evt_stale_" + account;
        assertEquals(200, postConnect(accountUpdated(stale, account, "inactive", "[]", Instant.now().minusSeconds(3600)),
                connectSecret()).statusCode());
        String duplicate = "evt_dup_" + account;
        String requirementsAppear = accountUpdated(duplicate, account, "active", "[\"individual.verification.document\"]",
                Instant.now());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, postConnect(requirementsAppear, connectSecret()).statusCode());
        }
        try (Connection c = Db.connect()) {
            assertEquals("ignored", Db.queryStrings(c, "select outcome from stripe_connect_event where id = '" + stale + "'")
                    .get(0));
            assertEquals(1, Db.queryLong(c, "select count(*) from stripe_connect_event where id = ? and outcome = 'applied'",
                    duplicate));
            assertEquals(1, Db.queryLong(c, "select count(*) from inbox_notice where username = ? and subject = "
                    + "'Stripe needs more details for your payout account'", username), "five deliveries, one notice");
        }
        awaitRouted(true, Duration.ZERO);

        Http.send(HttpRequest.newBuilder(java.net.URI.create(StripeStub.url().orElseThrow() + "/_stub/connect/accounts/"
                + account + "/capabilities?transfers=inactive")).POST(HttpRequest.BodyPublishers.noBody()).build());
        long stoppedAfterMs = awaitRouted(false, PROPAGATION);
        System.out.println("PayoutAccountIT: traffic stopped " + stoppedAfterMs + " ms after transfers were disabled");
        HttpResponse<String> stopped = Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}");
        assertEquals(404, stopped.statusCode(), () -> Http.describe(stopped));
    }

    /** Signs in, opens Payout account, goes through the stub's onboarding with "Submit details"; the account id. */
    private static String onboardInBrowser(String username) throws IOException {
        AtomicReference<String> account = new AtomicReference<>();
        ProviderBrowsers.inBrowser("payouts", driver -> {
            new ProviderPortalPage(driver, TestTarget.baseUrl()).openAndSignIn("/provider/payouts", username, username);
            PayoutAccountPage page = new PayoutAccountPage(driver);
            assertTrue(page.summary().startsWith("No payout account yet"), page.summary());
            account.set(page.toStripe().stubAccountId());
            String usedLink = page.currentUrl();
            page.submitDetails();
            assertEquals("active", page.fact("payout-transfers"), "the return page re-read the account from Stripe");
            assertEquals("yes", page.fact("payout-details-submitted"));
            assertEquals("none", page.fact("payout-requirements"));

            driver.get(usedLink);
            assertEquals(account.get(), page.onStubOnboarding().stubAccountId(),
                    "a used link goes to the refresh page, which sends the browser to Stripe with a fresh link");
            assertNotEquals(usedLink, page.currentUrl());
        });
        return account.get();
    }

    /** Polls the public model list until the model is (or is not) listed; the milliseconds it took. */
    private static long awaitRouted(boolean routed, Duration within) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        AtomicLong last = new AtomicLong();
        while (true) {
            HttpResponse<String> models = Http.get(TestTarget.apiUrl() + "/models", null);
            assertEquals(200, models.statusCode(), () -> Http.describe(models));
            boolean listed = models.body().contains("\"" + MODEL + "\"");
            last.set((System.nanoTime() - start) / 1_000_000);
            if (listed == routed) {
                return last.get();
            }
            assertTrue(System.nanoTime() < deadline, () -> MODEL + (routed ? " not routed" : " still routed")
                    + " after " + last.get() + " ms");
            Thread.sleep(100);
        }
    }

    private static String accountUpdated(String eventId, String account, String transfers, String dueJson, Instant created) {
        return """
                {"id":"%s","object":"event","account":"%s","api_version":"%s","created":%d,"livemode":false,\
                "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"account.updated",\
                "data":{"object":{"id":"%s","object":"account","type":"express","details_submitted":true,\
                "charges_enabled":true,"payouts_enabled":%s,"capabilities":{"transfers":"%s"},\
                "requirements":{"currently_due":%s}}}}""".formatted(eventId, account, StripeWebhooks.API_VERSION,
                created.getEpochSecond(), account, "active".equals(transfers), transfers, dueJson);
    }

    private static HttpResponse<String> postConnect(String payload, String secret) {
        return Http.send(Http.request(TestTarget.baseUrl() + "/api/webhooks/stripe-connect", null)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", StripeWebhooks.sign(payload, secret, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    private static String connectSecret() {
        String configured = System.getProperty("market.stripeConnectWebhookSecret", "");
        return configured.isBlank() ? "whsec_local_connect_dev_secret" : configured.strip();
    }
}
