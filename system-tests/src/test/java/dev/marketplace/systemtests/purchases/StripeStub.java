package dev.marketplace.systemtests.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.systemtests.support.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The test stack's Stripe stub ({@code market.stripeStubUrl}, empty when the stack runs against real Stripe) through
 * its control endpoints: headless payment, webhook settings, the event log with each delivery's outcome.
 */
public final class StripeStub {

    public static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(20);

    private StripeStub() {
    }

    /** The stub's base URL, or empty when the stack uses real Stripe (then these tests are skipped). */
    public static Optional<String> url() {
        String url = System.getProperty("market.stripeStubUrl", "");
        return url.isBlank() ? Optional.empty() : Optional.of(url.replaceAll("/+$", ""));
    }

    /** Pays (or fails to pay) a Checkout Session as a payer on the Checkout page would. */
    public static JsonObject pay(String sessionId, String outcome) {
        return post("/_stub/checkout/" + sessionId + "/pay?outcome=" + outcome, "");
    }

    public static JsonObject configure(String json) {
        return post("/_stub/config", json);
    }

    /** Back to one prompt delivery per event, in order. */
    public static void resetDelivery() {
        configure("{\"duplicates\":1,\"delay_ms\":0,\"reorder\":false}");
    }

    /** The stub's events of this type about this object, newest first, each with its deliveries. */
    public static List<JsonObject> events(String type, String objectId) {
        HttpResponse<String> r = Http.get(url().orElseThrow() + "/_stub/events?limit=500&type=" + type, null);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonArray data = Http.json(r.body()).getJsonArray("data");
        return data.stream().map(JsonValue::asJsonObject)
                .filter(e -> objectId.equals(e.getJsonObject("event").getJsonObject("data").getJsonObject("object")
                        .getString("id")))
                .toList();
    }

    /** Waits until every copy of each such event has been answered 2xx by the app; returns the events. */
    public static List<JsonObject> awaitDelivered(String type, String objectId, int copies) throws InterruptedException {
        Instant giveUp = Instant.now().plus(DELIVERY_DEADLINE);
        List<JsonObject> events = events(type, objectId);
        while (Instant.now().isBefore(giveUp) && (events.isEmpty() || !events.stream().allMatch(e ->
                delivered(e) >= copies))) {
            Thread.sleep(100);
            events = events(type, objectId);
        }
        List<JsonObject> last = events;
        assertEquals(true, !last.isEmpty() && last.stream().allMatch(e -> delivered(e) >= copies),
                () -> type + " of " + objectId + " not delivered " + copies + "× within " + DELIVERY_DEADLINE
                        + ": " + last);
        return events;
    }

    /** How many deliveries of this event the app answered with 2xx. */
    public static long delivered(JsonObject event) {
        return event.getJsonArray("deliveries").stream()
                .map(d -> d.asJsonObject().getString("outcome"))
                .filter(outcome -> outcome.startsWith("2"))
                .count();
    }

    private static JsonObject post(String path, String body) {
        HttpResponse<String> r = Http.send(Http.request(url().orElseThrow() + path, null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        return Http.json(r.body());
    }
}
