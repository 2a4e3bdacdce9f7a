package dev.marketplace.systemtests.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StripeWebhooks;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/webhooks/stripe} as Stripe calls it: no Authorization header, a {@code Stripe-Signature} over
 * the raw body. A signed {@code checkout.session.completed} credits the demo developer once, however often it
 * arrives; a bad signature is refused with 400 and changes nothing. The secret is {@code market.stripeWebhookSecret},
 * else the local stack's dev-only default.
 */
class StripeWebhookIT {
    private static final String CLEARING = StripeWebhooks.CLEARING;
    private static final long AMOUNT_CENTS = 500;
    private static final long AMOUNT_MICROS = 5_000_000;

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
        String signature = StripeWebhooks.sign(payload, Instant.now().getEpochSecond());

        HttpResponse<String> first = StripeWebhooks.post(payload, signature);
        assertEquals(200, first.statusCode(), () -> Http.describe(first));
        assertEquals(Http.json("{\"received\":true}"), Http.json(first.body()));
        assertCreditedOnce(session);

        HttpResponse<String> again = StripeWebhooks.post(payload, signature);
        assertEquals(200, again.statusCode(), () -> Http.describe(again));
        assertCreditedOnce(session);
    }

    @Test
    void badSignaturesAreRefusedWithoutEffect() throws SQLException {
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        String payload = completedCheckout("evt_test_" + UUID.randomUUID().toString().replace("-", ""), session);
        long now = Instant.now().getEpochSecond();

        assertRefused(StripeWebhooks.post(payload, StripeWebhooks.sign(payload, "whsec_not_the_endpoints_secret", now)));
        assertRefused(StripeWebhooks.post(payload.replace("\"amount_total\":500", "\"amount_total\":50000"),
                StripeWebhooks.sign(payload, now)));
        assertRefused(StripeWebhooks.post(payload, StripeWebhooks.sign(payload, now - 3600)));
        assertRefused(StripeWebhooks.post(payload, null));

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
        return StripeWebhooks.checkoutCompleted(eventId, session, developerId, AMOUNT_CENTS,
                "pi_test_" + session.substring("cs_test_".length()));
    }
}
