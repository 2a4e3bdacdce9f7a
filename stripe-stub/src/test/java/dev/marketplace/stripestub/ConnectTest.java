package dev.marketplace.stripestub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Event;
import com.stripe.model.Payout;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connect as the SDK and a browser see it: Express accounts, single-use expiring Account Links, Connect events. */
class ConnectTest {

    private static final String PLATFORM_SECRET = "whsec_platform_unit";
    private static final String CONNECT_SECRET = "whsec_connect_unit";
    private static final String REFRESH = "https://portal.test/provider/payouts/refresh";
    private static final String RETURN = "https://portal.test/provider/payouts/return";

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final MovableClock clock = new MovableClock();
    private WebhookReceiver platform;
    private WebhookReceiver connect;
    private StubServer stub;
    private StripeClient stripe;

    @BeforeEach
    void start() throws IOException {
        platform = new WebhookReceiver(0);
        connect = new WebhookReceiver(0);
        stub = StubServer.start(new StubSettings(0, null, platform.url(), PLATFORM_SECRET, 1, 0, false, 3, "unit"),
                new ConnectSettings(connect.url(), CONNECT_SECRET), clock);
        stripe = StripeClient.builder().setApiKey("sk_test_unit").setApiBase(stub.baseUrl())
                .setMaxNetworkRetries(0).build();
    }

    @AfterEach
    void stop() {
        stub.close();
        platform.close();
        connect.close();
    }

    @Test
    void anExpressAccountStartsWithTransfersInactiveAndRequirementsDue() throws Exception {
        Account account = createAccount("connect-account:7");
        assertTrue(account.getId().startsWith("acct_"), account.getId());
        assertEquals("express", account.getType());
        assertEquals("DE", account.getCountry());
        assertEquals("7", account.getMetadata().get("provider_id"));
        assertEquals("inactive", account.getCapabilities().getTransfers());
        assertFalse(account.getDetailsSubmitted());
        assertFalse(account.getPayoutsEnabled());
        assertTrue(account.getRequirements().getCurrentlyDue().contains("external_account"));

        assertEquals(account.getId(), createAccount("connect-account:7").getId(), "the same idempotency key replays");
        assertEquals(account.getId(), stripe.v1().accounts().retrieve(account.getId()).getId());
        assertThrows(InvalidRequestException.class, () -> stripe.v1().accounts().retrieve("acct_missing"));
    }

    @Test
    void submittingOnTheOnboardingPageActivatesTransfersAndSendsASignedConnectEvent() throws Exception {
        Account account = createAccount("connect-account:8");
        AccountLink link = link(account.getId());
        assertEquals(clock.instant().getEpochSecond() + ConnectAccounts.LINK_TTL_SECONDS, link.getExpiresAt());

        HttpResponse<String> page = get(link.getUrl());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"connect-submit\"") && page.body().contains("id=\"connect-leave\""));
        HttpResponse<String> done = post(link.getUrl(), "action=submit");
        assertEquals(303, done.statusCode());
        assertEquals(RETURN, done.headers().firstValue("Location").orElseThrow());

        Account now = stripe.v1().accounts().retrieve(account.getId());
        assertEquals("active", now.getCapabilities().getTransfers());
        assertTrue(now.getDetailsSubmitted() && now.getChargesEnabled() && now.getPayoutsEnabled());
        assertTrue(now.getRequirements().getCurrentlyDue().isEmpty());

        Event event = onlyConnectEvent();
        assertEquals("account.updated", event.getType());
        assertEquals(account.getId(), event.getAccount());
        Account inEvent = (Account) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals("active", inEvent.getCapabilities().getTransfers());
        assertTrue(platform.received().isEmpty(), "Connect events do not go to the platform endpoint");
    }

    @Test
    void leavingIncompleteKeepsRequirementsDueAndTransfersPending() throws Exception {
        Account account = createAccount("connect-account:9");
        String url = link(account.getId()).getUrl();
        get(url);
        assertEquals(RETURN, post(url, "action=leave").headers().firstValue("Location").orElseThrow());
        Account now = stripe.v1().accounts().retrieve(account.getId());
        assertEquals("pending", now.getCapabilities().getTransfers());
        assertFalse(now.getDetailsSubmitted());
        assertFalse(now.getRequirements().getCurrentlyDue().isEmpty());
    }

    @Test
    void aUsedOrExpiredLinkSendsTheBrowserToTheRefreshUrl() throws Exception {
        Account account = createAccount("connect-account:10");
        String used = link(account.getId()).getUrl();
        assertEquals(200, get(used).statusCode());
        assertEquals(REFRESH, get(used).headers().firstValue("Location").orElseThrow(), "single use");

        String expiring = link(account.getId()).getUrl();
        clock.advance(Duration.ofSeconds(ConnectAccounts.LINK_TTL_SECONDS));
        HttpResponse<String> expired = get(expiring);
        assertEquals(303, expired.statusCode());
        assertEquals(REFRESH, expired.headers().firstValue("Location").orElseThrow());
        assertEquals(REFRESH, post(expiring, "action=submit").headers().firstValue("Location").orElseThrow(),
                "an unvisited expired link cannot complete onboarding");
        assertEquals("inactive", stripe.v1().accounts().retrieve(account.getId()).getCapabilities().getTransfers());
    }

    @Test
    void controlEndpointsChangeTheCapabilityAndPayOut() throws Exception {
        Account account = createAccount("connect-account:11");
        control("/_stub/connect/accounts/" + account.getId() + "/onboard");
        control("/_stub/connect/accounts/" + account.getId() + "/capabilities?transfers=inactive"
                + "&requirements=individual.verification.document");
        Account disabled = stripe.v1().accounts().retrieve(account.getId());
        assertEquals("inactive", disabled.getCapabilities().getTransfers());
        assertEquals(List.of("individual.verification.document"), disabled.getRequirements().getCurrentlyDue());

        control("/_stub/connect/accounts/" + account.getId() + "/payouts?status=failed&amount=2500");
        List<WebhookReceiver.Received> received = connect.await(3);
        assertEquals(3, received.size());
        Event payout = Webhook.constructEvent(received.get(2).payload(), received.get(2).signature(), CONNECT_SECRET);
        assertEquals("payout.failed", payout.getType());
        assertEquals(account.getId(), payout.getAccount());
        Payout object = (Payout) payout.getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(2500L, object.getAmount());
        assertEquals("account_closed", object.getFailureCode());
        String log = control("/_stub/connect/events?type=payout.failed");
        assertTrue(log.contains(object.getId()) && log.contains("\"deliveries\""), log);
    }

    private Account createAccount(String idempotencyKey) throws Exception {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry("DE")
                .setEmail("payouts@provider.test")
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
                        .build())
                .putMetadata("provider_id", idempotencyKey.substring(idempotencyKey.indexOf(':') + 1))
                .build();
        return stripe.v1().accounts().create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
    }

    private AccountLink link(String accountId) throws Exception {
        return stripe.v1().accountLinks().create(AccountLinkCreateParams.builder().setAccount(accountId)
                .setRefreshUrl(REFRESH).setReturnUrl(RETURN).setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build());
    }

    private Event onlyConnectEvent() throws Exception {
        List<WebhookReceiver.Received> received = connect.await(1);
        assertEquals(1, received.size());
        Event event = Webhook.constructEvent(received.get(0).payload(), received.get(0).signature(), CONNECT_SECRET);
        assertNotNull(event.getId());
        return event;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String control(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + path));
        HttpResponse<String> response = browser.send((path.contains("/events") ? request.GET()
                : request.POST(HttpRequest.BodyPublishers.noBody())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** A clock tests move forward (link expiry). */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
