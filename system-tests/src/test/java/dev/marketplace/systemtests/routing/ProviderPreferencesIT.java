package dev.marketplace.systemtests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenRouter's provider preferences over raw HTTP against {@code test/route} (test-seed.json): {@code cheap-slow}
 * (provider rt-cheap, $1 / $2 per million tokens, answers after 400 ms, keeps prompt logs, declares tools) and
 * {@code dear-fast} (rt-fast, $3 / $6, answers at once, retains nothing, declares only max_tokens and temperature).
 * Which one served is the reply's {@code provider} (the stub's own text says so too).
 */
class ProviderPreferencesIT {
    private static final String CHEAP = "Routing: cheap and slow";
    private static final String FAST = "Routing: dear and fast";
    private static StubUpstreams stubs;

    @BeforeAll
    static void start() throws Exception {
        stubs = StubUpstreams.start();
    }

    @AfterAll
    static void stop() {
        stubs.close();
    }

    @Test
    void defaultFloorAndPriceSortServeTheCheapest() {
        assertEquals(CHEAP, served("\"model\":\"test/route\""));
        assertEquals(CHEAP, served("\"model\":\"test/route:floor\""));
        assertEquals(CHEAP, served("\"model\":\"test/route\",\"provider\":{\"sort\":\"price\"}"));
    }

    @Test
    void throughputLatencyAndNitroPreferTheFastEndpointOnceMeasured() throws Exception {
        for (int i = 0; i < 3; i++) { // real traffic on both, so that the endpoint stats can measure them
            assertEquals(CHEAP, served("\"model\":\"test/route\",\"provider\":{\"only\":[\"rt-cheap\"]}"));
            assertEquals(FAST, served("\"model\":\"test/route\",\"provider\":{\"only\":[\"rt-fast\"]}"));
        }
        long deadline = System.nanoTime() + 30_000_000_000L; // calls reach the speeds with the next stats flush and refresh (5 s)
        String byThroughput = served("\"model\":\"test/route\",\"provider\":{\"sort\":\"throughput\"}");
        while (!FAST.equals(byThroughput) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            byThroughput = served("\"model\":\"test/route\",\"provider\":{\"sort\":\"throughput\"}");
        }
        assertEquals(FAST, byThroughput, "highest measured throughput first");
        assertEquals(FAST, served("\"model\":\"test/route:nitro\""), ":nitro is the fastest endpoint");
        assertEquals(FAST, served("\"model\":\"test/route\",\"provider\":{\"sort\":\"latency\"}"), "lowest latency first");
        assertEquals(CHEAP, served("\"model\":\"test/route\""), "without a sort, still the cheapest");
        assertEquals(CHEAP, served("\"model\":\"test/route:nitro\",\"provider\":{\"max_price\":{\"completion\":5}}"),
                "max_price removes the fast endpoint ($6 per million output tokens) before sorting");
        assertEquals(CHEAP, served("\"model\":\"test/route:nitro\",\"provider\":{\"sort\":\"price\"}"),
                "an explicit provider.sort wins over the variant");
    }

    @Test
    void maxPriceFiltersAndNothingLeftIsA404() {
        assertEquals(CHEAP, served("\"model\":\"test/route\",\"provider\":{\"max_price\":{\"prompt\":1,\"completion\":2}}"));
        HttpResponse<String> none = post("\"model\":\"test/route\",\"provider\":{\"max_price\":{\"prompt\":0.5}}");
        assertError(none, 404, "provider");
    }

    @Test
    void dataCollectionDenyUsesOnlyEndpointsThatRetainNothing() {
        assertEquals(FAST, served("\"model\":\"test/route\",\"provider\":{\"data_collection\":\"deny\"}"));
        assertEquals(CHEAP, served("\"model\":\"test/route\",\"provider\":{\"data_collection\":\"allow\"}"));
    }

    @Test
    void requireParametersUsesOnlyListingsThatDeclareThem() {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}]";
        assertEquals(CHEAP, served("\"model\":\"test/route\",\"provider\":{\"require_parameters\":true,"
                + "\"sort\":\"latency\"}," + tools), "only rt-cheap declares tools, though rt-fast is faster");
        assertEquals(FAST, served("\"model\":\"test/route\",\"temperature\":0.5,\"provider\":{\"require_parameters\":true,"
                + "\"data_collection\":\"deny\"}"), "both declare temperature; deny leaves rt-fast");
        HttpResponse<String> none = post("\"model\":\"test/route\",\"logprobs\":true,\"provider\":{\"require_parameters\":true}");
        assertError(none, 404, "provider");
        assertTrue(Http.json(none.body()).getJsonObject("error").getString("message").contains("logprobs"), none.body());
        assertEquals(CHEAP, served("\"model\":\"test/route\",\"logprobs\":true"), "without require_parameters any endpoint");
    }

    @Test
    void orderOnlyIgnoreAndAllowFallbacks() {
        assertEquals(FAST, served("\"model\":\"test/route\",\"provider\":{\"order\":[\"rt-fast\",\"rt-cheap\"]}"));
        assertEquals(FAST, served("\"model\":\"test/route\",\"provider\":{\"ignore\":[\"rt-cheap\"]}"));
        assertEquals(CHEAP, served("\"model\":\"test/route\",\"provider\":{\"only\":[\"rt-cheap\"]}"));
        assertEquals(FAST, served("\"model\":\"test/route\",\"provider\":{\"order\":[\"rt-fast\"],\"allow_fallbacks\":false}"));
        assertError(post("\"model\":\"test/route\",\"provider\":{\"sort\":\"fastest\"}"), 400, "provider.sort");
        assertError(post("\"model\":\"test/route\",\"provider\":{\"data_collection\":\"maybe\"}"), 400,
                "provider.data_collection");
    }

    /** The provider that served the call; a text reply must name the stub endpoint of that provider. */
    private static String served(String fields) {
        HttpResponse<String> r = post(fields);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject reply = Http.json(r.body());
        String provider = reply.getString("provider");
        JsonObject message = reply.getJsonArray("choices").getJsonObject(0).getJsonObject("message");
        if (!message.containsKey("tool_calls")) {
            assertEquals(CHEAP.equals(provider) ? "served by cheap-slow" : "served by dear-fast", message.getString("content"));
        }
        return provider;
    }

    private static HttpResponse<String> post(String fields) {
        return Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                "{" + fields + ",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"route me\"}]}");
    }

    private static void assertError(HttpResponse<String> r, int status, String param) {
        assertEquals(status, r.statusCode(), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(status, error.getInt("code"));
        assertEquals(param, error.getString("param"));
    }
}
