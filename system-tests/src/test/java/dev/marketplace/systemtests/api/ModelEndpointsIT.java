package dev.marketplace.systemtests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Eventually;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/models/{author}/{slug}/endpoints} in OpenRouter's shape: public, the live endpoints in routing
 * order with price strings per token and health from real traffic (visible after the next endpoint stats flush); an
 * unknown model is a 404 in the error shape.
 */
class ModelEndpointsIT {
    private static String url(String model) {
        return TestTarget.apiUrl() + "/models/" + model + "/endpoints";
    }

    @Test
    void listsTheSimulatorEndpointWithPriceAndHealthFromRealCalls() {
        ChatApi.complete("endpoint stats one");
        ChatApi.complete("endpoint stats two");

        // the stats reach the rollup with the next flush: poll until the calls just made are in the 5-minute window
        HttpResponse<String> r = Eventually.until(() -> Http.get(url(Pricing.MODEL), null), // public: no key
                ModelEndpointsIT::measured, Eventually.ENDPOINT_STATS);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), () -> Http.describe(r));
        JsonObject data = Http.json(r.body()).getJsonObject("data");
        assertEquals(Pricing.MODEL, data.getString("id"));
        assertTrue(!data.getString("name").isBlank(), "name");
        assertTrue(data.getJsonNumber("created").longValue() >= 0, "created");
        assertTrue(data.containsKey("description"), "description");
        assertEquals(List.of("text"), data.getJsonObject("architecture").getJsonArray("input_modalities")
                .getValuesAs(JsonString::getString));

        JsonArray endpoints = data.getJsonArray("endpoints");
        assertEquals(1, endpoints.size(), () -> "sim/echo-1 has the simulator only: " + endpoints);
        JsonObject e = endpoints.getJsonObject(0);
        String provider = e.getString("provider_name");
        assertEquals(provider + " | " + Pricing.MODEL, e.getString("name"));
        assertEquals("sim", e.getString("tag"));
        assertEquals("0.0000005", e.getJsonObject("pricing").getString("prompt"));
        assertEquals("0.0000015", e.getJsonObject("pricing").getString("completion"));
        assertTrue(e.getInt("context_length") > 0, "context_length");
        assertTrue(e.getInt("max_completion_tokens") > 0, "max_completion_tokens");
        assertEquals("unknown", e.getString("quantization"));
        assertEquals(0, e.getInt("status"));
        assertTrue(e.getJsonArray("supported_parameters").size() > 0, "supported_parameters");

        // nothing in this suite makes the simulator fail, and cancelled calls do not count
        assertEquals(1.0, e.getJsonNumber("uptime_last_5m").doubleValue(), () -> e.toString());
        assertEquals(1.0, e.getJsonNumber("uptime_last_30m").doubleValue(), () -> e.toString());
        assertEquals(1.0, e.getJsonNumber("uptime_last_1d").doubleValue(), () -> e.toString());

        JsonObject latency = e.getJsonObject("latency_last_30m");
        double p50 = latency.getJsonNumber("p50").doubleValue();
        assertTrue(p50 >= 0, () -> "latency p50 " + latency);
        assertTrue(latency.getJsonNumber("p90").doubleValue() >= p50, () -> "p90 >= p50: " + latency);
        assertTrue(latency.getJsonNumber("p99").doubleValue() >= latency.getJsonNumber("p90").doubleValue(),
                () -> "p99 >= p90: " + latency);
        JsonValue throughput = e.get("throughput_last_30m");
        if (throughput.getValueType() == JsonValue.ValueType.OBJECT) { // null only if every call took 0 ms
            assertTrue(throughput.asJsonObject().getJsonNumber("p50").doubleValue() >= 0, throughput::toString);
        }
    }

    private static boolean measured(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            return true; // nothing to wait for: the assertions report it
        }
        JsonArray endpoints = Http.json(r.body()).getJsonObject("data").getJsonArray("endpoints");
        return endpoints.isEmpty() || endpoints.getJsonObject(0).get("uptime_last_5m").getValueType() == JsonValue.ValueType.NUMBER
                && endpoints.getJsonObject(0).get("latency_last_30m").getValueType() == JsonValue.ValueType.OBJECT;
    }

    @Test
    void listsEveryLiveEndpointInRoutingOrderCheapestFirst() {
        HttpResponse<String> r = Http.get(url("test/failover"), null);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonArray endpoints = Http.json(r.body()).getJsonObject("data").getJsonArray("endpoints");
        assertEquals(2, endpoints.size(), endpoints::toString);
        assertEquals("0.0000005", endpoints.getJsonObject(0).getJsonObject("pricing").getString("prompt"));
        assertEquals("0.000001", endpoints.getJsonObject(1).getJsonObject("pricing").getString("prompt"));
        for (JsonValue v : endpoints) {
            assertEquals("teststub", v.asJsonObject().getString("tag"));
        }
    }

    @Test
    void anUnknownModelIsA404InTheErrorShape() {
        HttpResponse<String> r = Http.get(url("nope/nothing"), null);
        assertEquals(404, r.statusCode(), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(404, error.getInt("code"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertTrue(error.getString("message").contains("nope/nothing"), error::toString);
        assertTrue(error.containsKey("param") && error.containsKey("metadata"), error::toString);
    }
}
