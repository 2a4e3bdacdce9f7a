package dev.marketplace.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.money.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/bench-seed.json} is what the gateway issue asks for: an OpenAI-compatible upstream at
 * {@code http://127.0.0.1:18080/v1} serving {@code mock-model}, listed as {@code bench/mock-model} at a tiny price,
 * and enough credit for the demo developer to make millions of benchmark calls at the worst-case hold.
 */
class BenchSeedTest {
    static final long CALLS_AT_LEAST = 5_000_000;
    static final int BENCH_PROMPT_TOKENS = 200; // far above the bench's one short message

    static JsonObject seed() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("../examples/bench-seed.json"))) {
            return Json.createReader(reader).readObject();
        }
    }

    static JsonObject find(JsonObject seed, String array, String field, String value) {
        return seed.getJsonArray(array).stream().map(JsonValue::asJsonObject)
                .filter(o -> value.equals(o.getString(field))).findFirst()
                .orElseThrow(() -> new AssertionError(array + " has no " + field + " = " + value));
    }

    @Test
    void listsTheMockUpstreamAsBenchMockModel() throws IOException {
        JsonObject seed = seed();
        JsonObject listing = find(seed, "listings", "model", "bench/mock-model");
        assertEquals("mock-model", listing.getString("upstream_model"));
        JsonObject provider = find(seed, "providers", "slug", listing.getString("provider"));
        JsonObject endpoint = provider.getJsonArray("endpoints").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals(listing.getString("endpoint"))).findFirst().orElseThrow();
        assertEquals("http://127.0.0.1:18080/v1", endpoint.getString("base_url"));
        assertEquals("openai", endpoint.getString("adapter", "openai"));
        assertTrue(listing.getJsonNumber("input_price_micros_per_mtok").longValueExact() <= 1_000
                && listing.getJsonNumber("output_price_micros_per_mtok").longValueExact() <= 1_000, "a tiny price");
    }

    @Test
    void fundsTheDemoDeveloperForMillionsOfCalls() throws IOException {
        JsonObject seed = seed();
        JsonObject listing = find(seed, "listings", "model", "bench/mock-model");
        JsonObject model = find(seed, "models", "slug", "bench/mock-model");
        long worstHoldMicros = Money.costMicros(BENCH_PROMPT_TOKENS,
                listing.getJsonNumber("input_price_micros_per_mtok").longValueExact(), model.getInt("max_output_tokens"),
                listing.getJsonNumber("output_price_micros_per_mtok").longValueExact());
        JsonObject credit = find(seed, "credits", "developer", "developer");
        long creditMicros = credit.getJsonNumber("amount_micros").longValueExact();
        assertTrue(creditMicros / worstHoldMicros >= CALLS_AT_LEAST, "the grant covers " + creditMicros / worstHoldMicros
                + " calls at a worst-case hold of " + worstHoldMicros + " micro-USD");
    }
}
