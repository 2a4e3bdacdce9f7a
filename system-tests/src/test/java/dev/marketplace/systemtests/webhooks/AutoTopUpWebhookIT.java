package dev.marketplace.systemtests.webhooks;

import static dev.marketplace.systemtests.support.StripeWebhooks.deliver;
import static dev.marketplace.systemtests.support.StripeWebhooks.event;
import static dev.marketplace.systemtests.support.StripeWebhooks.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The webhook half of auto top-up: a {@code payment_intent.succeeded} of an auto top-up credits its developer
 * once, keyed by the payment intent id; {@code payment_intent.payment_failed} records why and turns auto top-up
 * off.
 */
class AutoTopUpWebhookIT {

    @Test
    void aSucceededAutoTopUpIsCreditedOnceByPaymentIntent() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = id("pi");

        ok(deliver(intentEvent(id("evt"), "payment_intent.succeeded", intent, developer.id(), 2_500)));
        ok(deliver(intentEvent(id("evt"), "payment_intent.succeeded", intent, developer.id(), 2_500)));

        try (Connection c = Db.connect()) {
            assertEquals(25_000_000, Db.queryLong(c, "select balance_micros from account_balance where account_code = ?",
                    developer.creditAccount()));
            assertEquals(1, Db.queryLong(c, "select count(distinct journal_id) from ledger_posting where account_code = ?",
                    developer.creditAccount()));
            assertEquals("auto_top_up", Db.journalKind(c, "stripe:payment_intent:" + intent).orElseThrow());
        }
    }

    @Test
    void aFailedAutoTopUpIsRecordedAndTurnsItOff() throws SQLException {
        FreshDeveloper developer = FreshDeveloper.create();
        String intent = id("pi");
        try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement("""
                insert into auto_top_up (developer_id, enabled, threshold_micros, amount_micros, state, crossing)
                values (?, true, 100000000, 25000000, 'charged', 1)""")) {
            ps.setLong(1, developer.id());
            ps.executeUpdate();
        }

        ok(deliver(intentEvent(id("evt"), "payment_intent.payment_failed", intent, developer.id(), 0)));

        try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement(
                "select enabled, last_failure, last_payment_intent_id from auto_top_up where developer_id = ?")) {
            ps.setLong(1, developer.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(false, rs.getBoolean(1));
                assertEquals("The card was declined: Your card was declined.", rs.getString(2));
                assertEquals(intent, rs.getString(3));
            }
            assertEquals(0, Db.queryLong(c, "select count(*) from ledger_posting where account_code = ?",
                    developer.creditAccount()));
        }
    }

    private static String intentEvent(String eventId, String type, String intent, long developerId, long receivedCents) {
        String error = type.endsWith("failed")
                ? ",\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"message\":\"Your card was declined.\"}"
                : "";
        return event(eventId, type, """
                {"id":"%s","object":"payment_intent","amount":2500,"amount_received":%d,"currency":"usd",\
                "customer":"cus_%d","payment_method":"pm_%d","status":"%s",\
                "metadata":{"purpose":"auto_top_up","developer_id":"%d","crossing":"1"}%s}"""
                .formatted(intent, receivedCents, developerId, developerId,
                        type.endsWith("failed") ? "requires_payment_method" : "succeeded", developerId, error));
    }

    private static void ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> Http.describe(response));
    }
}
