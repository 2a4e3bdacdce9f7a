package dev.marketplace.systemtests.providerapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls of the provider API ({@code /api/provider/v1}) with a bearer value, and the error-shape assertion. */
final class ProviderApi {
    private ProviderApi() {
    }

    static String url(String path) {
        return TestTarget.baseUrl() + "/api/provider/v1" + path;
    }

    static HttpResponse<String> get(String path, String bearer) {
        return Http.get(url(path), bearer);
    }

    static HttpResponse<String> post(String path, String bearer, String body) {
        return Http.postJson(url(path), bearer, body);
    }

    static HttpResponse<String> patch(String path, String bearer, String body) {
        return Http.send(Http.request(url(path), bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> delete(String path, String bearer) {
        return Http.send(Http.request(url(path), bearer).DELETE().build());
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), () -> Http.describe(r));
        return r;
    }

    /** Asserts the status and the API's error shape, with {@code param} when given; returns the error object. */
    static JsonObject expectError(int status, String param, HttpResponse<String> r) {
        expect(status, r);
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(status, error.getInt("code"), () -> Http.describe(r));
        if (param != null) {
            assertEquals(param, error.getString("param", null), () -> Http.describe(r));
        }
        return error;
    }

    static String prices(long inputMicrosPerMTok, long outputMicrosPerMTok) {
        return "{\"input_price_micros_per_mtok\":" + inputMicrosPerMTok + ",\"output_price_micros_per_mtok\":"
                + outputMicrosPerMTok + "}";
    }
}
