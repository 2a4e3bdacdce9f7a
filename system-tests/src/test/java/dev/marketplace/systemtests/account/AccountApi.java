package dev.marketplace.systemtests.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls of the account and key endpoints, with the verbs {@code Http} lacks (PATCH, DELETE), and the checks every
 * answer shares: USD amounts with six decimals, the API's error shape.
 */
final class AccountApi {
    /** The demo developer's management key that every fresh install seeds (MARKET_DEMO_MANAGEMENT_KEY's default). */
    static final String DEMO_MANAGEMENT_KEY = "sk-mk-mgmt-v1-" + "mgmt".repeat(16);

    private AccountApi() {
    }

    static String managementKey() {
        String value = System.getProperty("market.managementKey");
        return value == null || value.isBlank() ? DEMO_MANAGEMENT_KEY : value.strip();
    }

    static String url(String path) {
        return TestTarget.apiUrl() + path;
    }

    static HttpResponse<String> get(String path, String bearer) {
        return Http.get(url(path), bearer);
    }

    static HttpResponse<String> post(String path, String bearer, String body) {
        return Http.postJson(url(path), bearer, body);
    }

    static HttpResponse<String> patch(String path, String bearer, String body) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> delete(String path, String bearer) {
        return send(request(path, bearer).DELETE().build());
    }

    /** The {@code data} object of a response that must have the given status. */
    static JsonObject data(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), () -> Http.describe(r));
        return Http.json(r.body()).getJsonObject("data");
    }

    /** A USD amount of our API (exactly six decimals) in micro-USD. */
    static long micros(JsonObject o, String field) {
        return Pricing.usdToMicros(((JsonNumber) o.get(field)).bigDecimalValue());
    }

    /** The response is the API's error shape with this status (and, if not null, this param). */
    static JsonObject assertError(HttpResponse<String> r, int status, String param) {
        assertEquals(status, r.statusCode(), () -> Http.describe(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(status, error.getInt("code"), () -> Http.describe(r));
        assertTrue(error.containsKey("message") && error.containsKey("type") && error.containsKey("metadata"),
                () -> Http.describe(r));
        if (param != null) {
            assertEquals(param, error.getString("param", null), () -> Http.describe(r));
        }
        return error;
    }

    private static HttpRequest.Builder request(String path, String bearer) {
        return Http.request(url(path), bearer);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return Http.send(request);
    }
}
