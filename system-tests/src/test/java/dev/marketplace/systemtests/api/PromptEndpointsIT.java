package dev.marketplace.systemtests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.LedgerAssertions;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.NamedStubs;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/completions} and {@code POST /v1/embeddings} over raw HTTP: the same failover, generation id,
 * error shape and exact charge as chat completions (test-seed's {@code test/failover}: a failing cheap endpoint,
 * then the healthy stub at $1 / $2 per million tokens), streaming legacy completions, and what the upstream gets.
 */
class PromptEndpointsIT {
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
    void legacyCompletionsFailOverAndAreChargedAtTheServingPrice() throws Exception {
        HttpResponse<String> r = post("completions", """
                {"model":"test/failover","prompt":"Once upon a time","max_tokens":100}""");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject reply = Http.json(r.body());
        assertEquals(StubUpstreams.HEALTHY_TEXT, reply.getJsonArray("choices").getJsonObject(0).getString("text"));
        assertEquals(reply.getString("id"), r.headers().firstValue(ChatApi.GENERATION_HEADER).orElseThrow());
        assertEquals("test/failover", reply.getString("model"));
        // 12 prompt tokens at $1/M + 11 completion tokens at $2/M = 34 micro-USD; fee round(1.7) = 2
        assertEquals(34, Pricing.usdToMicros(reply.getJsonObject("usage").getJsonNumber("cost").bigDecimalValue()));
        assertCharged(reply.getString("id"), 34, 2, "teststub");
    }

    @Test
    void embeddingsFailOverAndAreChargedForInputTokensOnly() throws Exception {
        HttpResponse<String> r = post("embeddings", """
                {"model":"test/failover","input":["first","second"]}""");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject reply = Http.json(r.body());
        assertEquals("list", reply.getString("object"));
        assertEquals(List.of(0.6, 0.8), reply.getJsonArray("data").getJsonObject(0).getJsonArray("embedding")
                .getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::doubleValue).toList());
        JsonObject usage = reply.getJsonObject("usage");
        assertEquals(12, usage.getInt("prompt_tokens"));
        assertEquals(0, usage.getInt("completion_tokens"));
        String id = r.headers().firstValue(ChatApi.GENERATION_HEADER).orElseThrow();
        assertEquals(id, reply.getString("id"));
        // 12 input tokens at $1/M = 12 micro-USD; fee round(0.6) = 1
        assertCharged(id, 12, 1, "teststub");
    }

    @Test
    void embeddingParametersReachTheUpstreamAndNoOutputCapIsAdded() {
        HttpResponse<String> r = post("embeddings", """
                {"model":"test/params","input":[[1,2,3],[4,5]],"encoding_format":"float","dimensions":3,"user":"u-7"}""");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject sent = NamedStubs.lastRequest("recorder", "embeddings");
        assertEquals("stub-recorder", sent.getString("model"), "the listing's upstream model name");
        assertEquals("[[1,2,3],[4,5]]", sent.get("input").toString());
        assertEquals("float", sent.getString("encoding_format"));
        assertEquals(3, sent.getInt("dimensions"));
        assertEquals("u-7", sent.getString("user"));
        assertTrue(!sent.containsKey("max_tokens") && !sent.containsKey("stream_options"), sent.toString());
        assertEquals(3, Http.json(r.body()).getJsonArray("data").getJsonObject(0).getJsonArray("embedding").size());
    }

    @Test
    void legacyCompletionsStreamWithUsageInTheLastChunk() {
        HttpResponse<String> r = post("completions", """
                {"model":"sim/echo-1","prompt":"Stream me please","max_tokens":50,"stream":true}""");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        List<JsonObject> chunks = ChatApi.chunks(r.body());
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.getJsonArray("choices").forEach(choice -> text.append(choice.asJsonObject().getString("text", ""))));
        assertEquals("Echo: Stream me please", text.toString());
        JsonObject last = chunks.get(chunks.size() - 1);
        JsonObject usage = last.getJsonObject("usage");
        assertEquals(Pricing.costMicros(usage.getInt("prompt_tokens"), usage.getInt("completion_tokens")),
                Pricing.usdToMicros(usage.getJsonNumber("cost").bigDecimalValue()));
        String id = r.headers().firstValue(ChatApi.GENERATION_HEADER).orElseThrow();
        chunks.forEach(c -> assertEquals(id, c.getString("id"), "one generation id across the stream"));
    }

    @Test
    void errorsKeepTheErrorShape() {
        HttpResponse<String> noKey = Http.postJson(TestTarget.apiUrl() + "/embeddings", null, "{\"model\":\"sim/echo-1\",\"input\":\"x\"}");
        assertError(noKey, 401, null);
        assertError(post("embeddings", "{\"model\":\"sim/echo-1\",\"input\":\"x\",\"stream\":true}"), 400, "stream");
        assertError(post("embeddings", "{\"model\":\"sim/echo-1\"}"), 400, "input");
        assertError(post("completions", "{\"model\":\"sim/echo-1\",\"prompt\":[true]}"), 400, "prompt");
        assertError(post("embeddings", "{\"model\":\"test/anthropic\",\"input\":\"x\"}"), 404, "provider");
        assertError(post("completions", "{\"model\":\"test/anthropic\",\"prompt\":\"x\"}"), 404, "provider");
        HttpResponse<String> get = Http.get(TestTarget.apiUrl() + "/completions", TestTarget.apiKey());
        assertError(get, 405, null);
    }

    private static void assertError(HttpResponse<String> r, int status, String param) {
        assertEquals(status, r.statusCode(), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(status, error.getInt("code"));
        assertTrue(error.getString("message").length() > 0);
        assertEquals(param, error.isNull("param") ? null : error.getString("param"));
    }

    private static HttpResponse<String> post(String path, String body) {
        return Http.postJson(TestTarget.apiUrl() + "/" + path, TestTarget.apiKey(), body);
    }

    private static void assertCharged(String id, long gross, long fee, String providerSlug) throws Exception {
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, id).orElseThrow();
            assertEquals("ok", usage.status());
            assertEquals(gross, usage.costMicros());
            assertEquals(Optional.of("usage"), Db.journalKind(c, id));
            long providerId = Db.queryLong(c, "select id from provider where slug = ?", providerSlug);
            Map<String, Long> postings = new TreeMap<>();
            for (Db.Posting p : Db.postings(c, id)) {
                postings.merge(p.accountCode(), p.amountMicros(), Long::sum);
            }
            assertEquals(Map.of(Db.creditAccount(usage.developerId()), -gross, "provider:" + providerId + ":payable",
                    gross - fee, "platform:revenue:take", fee), postings);
            LedgerAssertions.assertHoldClosed(c, id, "settled");
        }
    }
}
