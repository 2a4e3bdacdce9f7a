package dev.marketplace.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe as the platform webhook sees it: events shaped as Stripe sends them (API version pinned to the SDK's),
 * signed {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>} with {@code
 * market.stripeWebhookSecret} (else the local stack's dev-only default), posted without login.
 */
public final class StripeWebhooks {
    public static final String LOCAL_DEV_SECRET = "whsec_local_dev_secret";
    public static final String API_VERSION = "2026-07-29.dahlia";
    public static final String CLEARING = "platform:stripe:clearing";
    public static final String DISPUTES = "platform:disputes";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StripeWebhooks() {
    }

    /** A fresh id with Stripe's prefix, e.g. {@code evt_test_…}. */
    public static String id(String prefix) {
        return prefix + "_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String event(String eventId, String type, String dataObjectJson) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,\
                "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",\
                "data":{"object":%s}}""".formatted(eventId, API_VERSION, Instant.now().getEpochSecond(), type,
                dataObjectJson);
    }

    public static String checkoutCompleted(String eventId, String sessionId, long developerId, long cents,
                                           String paymentIntentId) {
        return checkoutSession(eventId, "checkout.session.completed", sessionId, developerId, cents, paymentIntentId,
                "paid");
    }

    /** A Checkout Session event of any type ({@code checkout.session.async_payment_succeeded}, ...). */
    public static String checkoutSession(String eventId, String type, String sessionId, long developerId, long cents,
                                         String paymentIntentId, String paymentStatus) {
        return event(eventId, type, """
                {"id":"%s","object":"checkout.session","mode":"payment","status":"complete","amount_total":%d,\
                "currency":"usd","client_reference_id":"%d","payment_status":"%s","payment_intent":"%s",\
                "livemode":false}""".formatted(sessionId, cents, developerId, paymentStatus, paymentIntentId));
    }

    /** {@code charge.refunded} with Stripe's CUMULATIVE {@code amount_refunded}. */
    public static String chargeRefunded(String eventId, String chargeId, String paymentIntentId, long amountCents,
                                        long refundedCents) {
        return event(eventId, "charge.refunded", """
                {"id":"%s","object":"charge","amount":%d,"amount_refunded":%d,"currency":"usd",\
                "payment_intent":"%s","refunded":%b,"livemode":false}""".formatted(chargeId, amountCents,
                refundedCents, paymentIntentId, refundedCents == amountCents));
    }

    /** {@code charge.dispute.created} or {@code .closed}; a fee shows as the fee of a balance transaction. */
    public static String dispute(String eventId, String type, String disputeId, String paymentIntentId, long cents,
                                 String status, long feeCents) {
        String transactions = feeCents == 0 ? "[]" : """
                [{"id":"txn_%s","object":"balance_transaction","amount":%d,"fee":%d,"currency":"usd"}]"""
                .formatted(disputeId, -(cents + feeCents), feeCents);
        return event(eventId, type, """
                {"id":"%s","object":"dispute","amount":%d,"charge":"ch_%s","currency":"usd","payment_intent":"%s",\
                "status":"%s","balance_transactions":%s,"livemode":false}""".formatted(disputeId, cents, disputeId,
                paymentIntentId, status, transactions));
    }

    public static String sign(String payload, long unixSeconds) {
        return sign(payload, secret(), unixSeconds);
    }

    public static String sign(String payload, String secret, long unixSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Signs the payload now and posts it. */
    public static HttpResponse<String> deliver(String payload) {
        return post(payload, sign(payload, Instant.now().getEpochSecond()));
    }

    /** No Authorization header: webhooks need no login. A {@code null} signature sends no header. */
    public static HttpResponse<String> post(String payload, String signature) {
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

    public static String secret() {
        String configured = System.getProperty("market.stripeWebhookSecret");
        return configured == null || configured.isBlank() ? LOCAL_DEV_SECRET : configured.strip();
    }
}
