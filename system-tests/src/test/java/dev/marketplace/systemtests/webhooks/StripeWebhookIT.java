package dev.marketplace.systemtests.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/webhooks/stripe} as Stripe calls it: no Authorization header, a {@code Stripe-Signature} over
 * the raw body. A signed {@code checkout.session.completed} credits the demo developer once, however often it
 * arrives; a bad signature is refused with 400 and changes nothing. The secret is {@code market.stripeWebhookSecret},
 * else the local stack's dev-only default.
 */
class StripeWebhookIT {
    private static final String LOCAL_DEV_SECRET = "whsec_local_dev_secret";
    private static final String API_VERSION = "2026-07-29.dahlia";
    private static final String CLEARING = "platform:stripe:clearing";
    private static final long AMOUNT_CENTS = 500;
    private static final long AMOUNT_MICROS = 5_000_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static long developerId;

    @BeforeAll
    static void findDemoDeveloper() throws SQLException {
        try (Connection c = Db.connect()) {
            developerId = Db.queryLong(c, "select id from developer where username = ?", "developer");
        }
    }

    @Test
    void aSignedCompletedCheckoutCreditsOnceWithoutLogin() throws SQLException {
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        String payload = completedCheckout("evt_test_" + UUID.randomUUID().toString().replace("-", ""), session);
        String signature = sign(payload, secret(), Instant.now().getEpochSecond());

        HttpResponse<String> first = post(payload, signature);
        assertEquals(200, first.statusCode(), () -> Http.describe(first));
        assertEquals(Http.json("{\"received\":true}"), Http.json(first.body()));
        assertCreditedOnce(session);

        HttpResponse<String> again = post(payload, signature);
        assertEquals(200, again.statusCode(), () -> Http.describe(again));
        assertCreditedOnce(session);
    }

    @Test
    void badSignaturesAreRefusedWithoutEffect() throws SQLException {
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        String payload = completedCheckout("evt_test_" + UUID.randomUUID().toString().replace("-", ""), session);
        long now = Instant.now().getEpochSecond();

        assertRefused(post(payload, sign(payload, "whsec_not_the_endpoints_secret", now)));
        assertRefused(post(payload.replace("\"amount_total\":500", "\"amount_total\":50000"),
                sign(payload, secret(), now)));
        assertRefused(post(payload, sign(payload, secret(), now - 3600)));
        assertRefused(post(payload, null));

        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from ledger_journal where idempotency_key = ?",
                    "stripe:checkout:" + session));
        }
    }

    private static void assertCreditedOnce(String session) throws SQLException {
        String key = "stripe:checkout:" + session;
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from ledger_journal where idempotency_key = ?", key));
            assertEquals("purchase", Db.journalKind(c, key).orElseThrow());
            assertEquals(1, Db.queryLong(c,
                    "select count(*) from ledger_journal where idempotency_key = ? and external_ref = ?", key, session));
            // ordered by account code, as Db.postings returns them
            assertEquals(List.of(new Db.Posting(Db.creditAccount(developerId), AMOUNT_MICROS),
                    new Db.Posting(CLEARING, -AMOUNT_MICROS)), Db.postings(c, key));
        }
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(400, error.getInt("code"), () -> Http.describe(r));
        assertEquals("invalid_request_error", error.getString("type"), () -> Http.describe(r));
        assertEquals("Stripe-Signature", error.getString("param"), () -> Http.describe(r));
        assertFalse(error.getString("message").isBlank(), () -> Http.describe(r));
    }

    private static String completedCheckout(String eventId, String session) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,\
                "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},\
                "type":"checkout.session.completed","data":{"object":{"id":"%s","object":"checkout.session",\
                "mode":"payment","status":"complete","amount_total":%d,"currency":"usd",\
                "client_reference_id":"%d","payment_status":"paid","payment_intent":"pi_test_%s",\
                "livemode":false}}}""".formatted(eventId, API_VERSION, Instant.now().getEpochSecond(), session,
                AMOUNT_CENTS, developerId, session.substring("cs_test_".length()));
    }

    /** Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}. */
    private static String sign(String payload, String secret, long unixSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** No Authorization header: webhooks need no login. */
    private static HttpResponse<String> post(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestTarget.baseUrl() + "/api/webhooks/stripe"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.getBytes(StandardCharsets.UTF_8)));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("POST /api/webhooks/stripe failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted posting a webhook", e);
        }
    }

    private static String secret() {
        String configured = System.getProperty("market.stripeWebhookSecret");
        return configured == null || configured.isBlank() ? LOCAL_DEV_SECRET : configured.strip();
    }
}
