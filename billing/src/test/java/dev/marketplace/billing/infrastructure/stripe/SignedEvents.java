package dev.marketplace.billing.infrastructure.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe-shaped webhook events for tests, and their {@code Stripe-Signature} header computed independently of
 * the SDK: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}.
 */
public final class SignedEvents {

    public static final String SECRET = "whsec_test_secret_for_unit_tests";
    public static final String API_VERSION = "2026-07-29.dahlia";

    private SignedEvents() {
    }

    /** A Checkout Session event; {@code clientReferenceId} and {@code paymentIntentId} may be null. */
    public static String checkoutEvent(String eventId, String type, String sessionId, String clientReferenceId,
                                       long amountTotalCents, String currency, String paymentStatus,
                                       String paymentIntentId) {
        return checkoutEvent(eventId, type, API_VERSION, sessionId, clientReferenceId, amountTotalCents, currency,
                paymentStatus, paymentIntentId);
    }

    public static String checkoutEvent(String eventId, String type, String apiVersion, String sessionId,
                                       String clientReferenceId, long amountTotalCents, String currency,
                                       String paymentStatus, String paymentIntentId) {
        String session = """
                {"id":"%s","object":"checkout.session","mode":"payment","status":"complete",\
                "amount_total":%d,"currency":"%s","client_reference_id":%s,"payment_status":"%s",\
                "payment_intent":%s,"livemode":false}""".formatted(sessionId, amountTotalCents, currency,
                quotedOrNull(clientReferenceId), paymentStatus, quotedOrNull(paymentIntentId));
        return event(eventId, type, apiVersion, session);
    }

    /** An event of any type around a data object given as JSON. */
    public static String event(String eventId, String type, String apiVersion, String dataObjectJson) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":1764000000,"livemode":false,\
                "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",\
                "data":{"object":%s}}""".formatted(eventId, apiVersion, type, dataObjectJson);
    }

    public static String header(String payload, String secret, long unixSeconds) {
        return "t=" + unixSeconds + ",v1=" + hmacSha256Hex(secret, unixSeconds + "." + payload);
    }

    private static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String quotedOrNull(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
