package dev.marketplace.systemtests.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calls of listings with cache, request and tier prices (test-seed.json, provider {@code pricing-stub}, served by
 * {@link CachingStub}): the response's usage, the usage journal and the usage record agree to the micro-dollar with
 * the price computed here from the seeded prices, streaming and not.
 */
class PricedCallsIT {
    /** The seeded prices of each model (micro-USD): input, output, request, cache read, cache write, tier. */
    record Prices(long in, long out, long request, long read, long write, long tierMin, long tierIn, long tierOut) {
    }

    static final Prices CACHE = new Prices(3_000_000, 15_000_000, 0, 300_000, 3_750_000, 0, 0, 0);
    static final Prices REQUEST = new Prices(1_000_000, 2_000_000, 250, 0, 0, 0, 0, 0);
    static final Prices TIER = new Prices(1_000_000, 2_000_000, 0, 0, 0, 40, 4_000_000, 8_000_000);
    private static final String PROVIDER = "pricing-stub";
    private static final String TAKE = "platform:revenue:take";
    private static CachingStub stub;

    @BeforeAll
    static void start() throws Exception {
        stub = CachingStub.start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @ParameterizedTest(name = "{0} with {1} words, stream={2}: {3} micro-USD")
    @CsvSource({
            // model, words in the prompt, stream, expected cost (worked out by hand; also checked against the formula)
            "test/priced-cache, 20, false, 202",            // 5 × 3 + 10 × 0.3 + 5 × 3.75 + 11 × 15 = 201.75 → 202
            "test/priced-cache, 20, true, 202",
            "test/priced-cache-anthropic, 20, false, 202",  // the same usage, reported the Anthropic way
            "test/priced-cache-anthropic, 20, true, 202",
            "test/priced-request, 20, false, 292",          // 20 × 1 + 11 × 2 = 42, + 250 per request
            "test/priced-request, 20, true, 292",
            "test/priced-tier, 40, false, 62",              // exactly at the threshold: base prices, 40 + 22
            "test/priced-tier, 40, true, 62",
            "test/priced-tier, 41, false, 252",             // above it: tier prices for all of it, 41 × 4 + 11 × 8
            "test/priced-tier, 41, true, 252",
    })
    void chargesEveryPriceToTheMicroDollar(String model, int words, boolean stream, long expectedCost) throws Exception {
        Prices prices = prices(model);
        CachingStub.Usage reported = CachingStub.Usage.of(words, model.startsWith("test/priced-cache"));
        assertEquals(expectedCost, independentCost(prices, reported), "the table agrees with the formula");

        HttpResponse<String> r = Http.postJson(ChatApi.completionsUrl(), TestTarget.apiKey(), body(model, words, stream));
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject usage = stream ? lastChunk(r.body()).getJsonObject("usage")
                : Http.json(r.body()).getJsonObject("usage");
        String id = r.headers().firstValue(ChatApi.GENERATION_HEADER).orElseThrow();
        assertEquals(reported.prompt(), usage.getJsonNumber("prompt_tokens").longValueExact(), usage::toString);
        assertEquals(reported.completion(), usage.getJsonNumber("completion_tokens").longValueExact(), usage::toString);
        JsonObject details = usage.getJsonObject("prompt_tokens_details");
        assertEquals(reported.read(), details.getJsonNumber("cached_tokens").longValueExact(), usage::toString);
        assertEquals(reported.write(), details.getJsonNumber("cache_write_tokens").longValueExact(), usage::toString);
        assertEquals(expectedCost, Pricing.usdToMicros(usage.getJsonNumber("cost").bigDecimalValue()), usage::toString);

        try (Connection c = Db.connect()) {
            long developer = Db.developerIdOfKey(c, TestTarget.apiKey());
            long provider = Db.queryLong(c, "select id from provider where slug = ?", PROVIDER);
            assertEquals("usage", Db.journalKind(c, id).orElse(null), id);
            assertEquals(postings(developer, provider, expectedCost), Db.postings(c, id), () -> id + ": postings");
            assertEquals(List.of(reported.prompt() + " " + reported.read() + " " + reported.write() + " "
                    + reported.completion() + " " + expectedCost + " false"), Db.queryStrings(c,
                    "select prompt_tokens || ' ' || cache_read_tokens || ' ' || cache_write_tokens || ' ' || completion_tokens"
                            + " || ' ' || cost_micros || ' ' || capped from usage_record where id = '" + id + "'"), id);
            assertTrue(Db.queryLong(c, "select hold_micros from usage_record where id = ?", id) >= expectedCost,
                    "the hold covered the whole price");
        }

        HttpResponse<String> g = Http.get(TestTarget.apiUrl() + "/generation?id=" + id, TestTarget.apiKey());
        assertEquals(200, g.statusCode(), () -> Http.describe(g));
        JsonObject data = Http.json(g.body()).getJsonObject("data");
        assertEquals(reported.read(), data.getJsonNumber("native_tokens_cached").longValueExact(), data::toString);
        assertEquals(reported.write(), data.getJsonNumber("native_tokens_cache_write").longValueExact(), data::toString);
        assertEquals(expectedCost, Pricing.usdToMicros(data.getJsonNumber("total_cost").bigDecimalValue().setScale(6)),
                data::toString);
    }

    @Test
    void modelsShowEveryPriceAsExactDecimalStrings() {
        JsonObject request = model("test/priced-request").getJsonObject("pricing");
        assertEquals("0.000001", request.getString("prompt"));
        assertEquals("0.000002", request.getString("completion"));
        assertEquals("0.00025", request.getString("request"), "USD per request");
        assertEquals("0", request.getString("input_cache_read"));
        assertFalse(request.containsKey("context_tiers"), "no tier, no tiers field");

        JsonObject tier = model("test/priced-tier").getJsonObject("pricing");
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("min_context", 40)
                .add("prompt", "0.000004").add("completion", "0.000008")).build(), tier.get("context_tiers"));

        HttpResponse<String> r = Http.get(TestTarget.apiUrl() + "/models/test/priced-cache/endpoints", null);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject endpoint = Http.json(r.body()).getJsonObject("data").getJsonArray("endpoints").getJsonObject(0);
        JsonObject cache = endpoint.getJsonObject("pricing");
        assertEquals("0.0000003", cache.getString("input_cache_read"));
        assertEquals("0.00000375", cache.getString("input_cache_write"));
        assertEquals("0.000003", cache.getString("prompt"));
        assertEquals("0.000015", cache.getString("completion"));
        assertEquals("0", cache.getString("request"));
    }

    private static JsonObject model(String id) {
        HttpResponse<String> r = Http.get(TestTarget.apiUrl() + "/models", null);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        return Http.json(r.body()).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in /models"));
    }

    private static Prices prices(String model) {
        return switch (model) {
            case "test/priced-cache", "test/priced-cache-anthropic" -> CACHE;
            case "test/priced-request" -> REQUEST;
            case "test/priced-tier" -> TIER;
            default -> throw new IllegalArgumentException(model);
        };
    }

    /** The price written out from its definition in BigDecimal, without the server's code. */
    static long independentCost(Prices p, CachingStub.Usage u) {
        boolean tier = p.tierMin() > 0 && u.prompt() > p.tierMin();
        BigDecimal microMicros = BigDecimal.valueOf(u.prompt() - u.read() - u.write()).multiply(BigDecimal.valueOf(tier ? p.tierIn() : p.in()))
                .add(BigDecimal.valueOf(u.read()).multiply(BigDecimal.valueOf(p.read())))
                .add(BigDecimal.valueOf(u.write()).multiply(BigDecimal.valueOf(p.write())))
                .add(BigDecimal.valueOf(u.completion()).multiply(BigDecimal.valueOf(tier ? p.tierOut() : p.out())));
        return microMicros.movePointLeft(6).setScale(0, RoundingMode.CEILING).longValueExact() + p.request();
    }

    private static List<Db.Posting> postings(long developer, long provider, long cost) {
        long fee = (cost * 500 + 5_000) / 10_000;
        List<Db.Posting> expected = new ArrayList<>(List.of(new Db.Posting(Db.creditAccount(developer), -cost),
                new Db.Posting("provider:" + provider + ":payable", cost - fee), new Db.Posting(TAKE, fee)));
        expected.sort(Comparator.comparing(Db.Posting::accountCode));
        return expected;
    }

    private static String body(String model, int words, boolean stream) {
        return Json.createObjectBuilder().add("model", model).add("max_tokens", 50).add("stream", stream)
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", "word ".repeat(words).strip())))
                .build().toString();
    }

    private static JsonObject lastChunk(String sse) {
        List<JsonObject> chunks = ChatApi.chunks(sse);
        JsonObject last = chunks.get(chunks.size() - 1);
        assertTrue(last.get("usage") instanceof JsonObject, () -> "the last chunk carries usage: " + last);
        return last;
    }
}
