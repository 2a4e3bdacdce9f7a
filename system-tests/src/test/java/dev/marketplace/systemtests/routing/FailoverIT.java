package dev.marketplace.systemtests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.LedgerAssertions;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Sse;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a failing provider costs the developer: nothing for a failed attempt, the served tokens at the serving
 * endpoint's price after failover, and only what was delivered when a stream breaks or the client leaves.
 * Prices (test-seed.json): healthy and breaking endpoints $1 / $2 per million tokens, take rate 500 bps.
 */
class FailoverIT {
    private static StubUpstreams stubs;

    @BeforeAll
    static void startStubs() throws Exception {
        stubs = StubUpstreams.start();
    }

    @AfterAll
    static void stopStubs() {
        stubs.close();
    }

    @Test
    void failsOverToTheHealthyEndpointAndChargesItsPrice() throws Exception {
        HttpResponse<String> r = post("test/failover", false);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject reply = Http.json(r.body());
        assertEquals(StubUpstreams.HEALTHY_TEXT,
                reply.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
        String id = reply.getString("id");
        // 12 prompt tokens at $1/M + 11 completion tokens at $2/M = 34 micro-USD; fee round(1.7) = 2, share 32
        assertCharged(id, 34, 2, 32, "ok");
    }

    @Test
    void anEndpointThatJustFailedIsTriedLast() throws Exception {
        int before = StubUpstreams.failingHits();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post("test/failover", false);
            assertEquals(200, r.statusCode(), () -> Http.describe(r));
        }
        assertTrue(StubUpstreams.failingHits() - before <= 1, "after one failure the cheaper but failing endpoint "
                + "is skipped for 30 s; it was tried " + (StubUpstreams.failingHits() - before) + " times in 3 calls");
    }

    @Test
    void modelsFallBackToTheNextModelAndPreferencesFilter() throws Exception {
        HttpResponse<String> r = postBody("{\"models\":[\"test/down\",\"test/failover\"],\"max_tokens\":100,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"route me\"}]}");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject reply = Http.json(r.body());
        assertEquals("test/failover", reply.getString("model"), "the model that served it");
        assertCharged(reply.getString("id"), 34, 2, 32, "ok");

        HttpResponse<String> none = postBody("{\"model\":\"test/failover\",\"provider\":{\"ignore\":[\"teststub\"]},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"route me\"}]}");
        assertEquals(404, none.statusCode(), () -> Http.describe(none));
        assertEquals("provider", Http.json(none.body()).getJsonObject("error").getString("param"));
    }

    @Test
    void aSilentUpstreamGetsKeepaliveCommentsAndTheStreamCompletes() throws Exception {
        HttpResponse<String> r = post("test/stalls", true);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        List<String> lines = r.body().lines().filter(l -> !l.isEmpty()).toList();
        int firstData = lines.indexOf(lines.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow());
        int keepalive = lines.indexOf(": keepalive");
        assertTrue(keepalive > firstData, "a keepalive comment after 2 s of silence, between the chunks: " + lines);
        assertEquals("data: [DONE]", lines.get(lines.size() - 1));
        assertCharged(r.headers().firstValue("X-Generation-Id").orElseThrow(), 34, 2, 32, "ok");
    }

    @Test
    void failsOverWhenStreamingToo() throws Exception {
        HttpResponse<String> r = post("test/failover", true);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        List<String> events = Sse.dataPayloads(r.body());
        assertEquals(Sse.DONE, events.get(events.size() - 1));
        String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
        assertCharged(id, 34, 2, 32, "ok");
    }

    @Test
    void aProviderThatIsDownIsA502AndCostsNothing() throws Exception {
        HttpResponse<String> r = post("test/down", false);
        assertEquals(502, r.statusCode(), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(502, error.getInt("code"));
        assertEquals("Test stub provider", error.getJsonObject("metadata").getString("provider_name"));
        String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, id).orElseThrow();
            assertEquals("error", usage.status());
            assertEquals(0, usage.costMicros());
            assertEquals(Optional.empty(), Db.journalKind(c, id), "a failed call posts no journal");
            LedgerAssertions.assertHoldClosed(c, id, "released");
        }
    }

    @Test
    void aStreamThatBreaksIsChargedForWhatItDelivered() throws Exception {
        HttpResponse<String> r = post("test/breaks", true);
        assertEquals(200, r.statusCode(), "the stream was committed before it broke");
        List<String> events = Sse.dataPayloads(r.body());
        String text = events.stream().filter(e -> !e.equals(Sse.DONE)).map(Http::json)
                .filter(chunk -> !chunk.getJsonArray("choices").isEmpty())
                .map(chunk -> chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content", ""))
                .reduce("", String::concat);
        assertEquals("Hello world", text, "both chunks reached the client");
        JsonObject last = Http.json(events.get(events.size() - 2));
        assertEquals("error", last.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, id).orElseThrow();
            assertEquals("error", usage.status());
            assertEquals(2, usage.completionTokens(), "'Hello world' is 2 cl100k tokens");
            long expected = ceilDiv(usage.promptTokens() * 1_000_000 + 2 * 2_000_000, 1_000_000);
            assertEquals(expected, usage.costMicros());
            assertCharged(id, expected, fee(expected), expected - fee(expected), "error");
        }
    }

    @Test
    void aClientThatLeavesIsChargedForWhatReachedIt() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> r = client.send(request("test/slow", true), HttpResponse.BodyHandlers.ofInputStream());
        String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            int chunks = 0;
            while (chunks < 3) {
                String line = lines.readLine();
                if (line != null && line.startsWith("data: ")) {
                    chunks++;
                }
            }
        } // closing the body closes the connection: the client is gone
        try (Connection c = Db.connect()) {
            Db.Usage usage = awaitUsage(c, id, Duration.ofSeconds(15));
            assertEquals("cancelled", usage.status());
            assertTrue(usage.completionTokens() >= 3 && usage.completionTokens() < 2L * StubUpstreams.SLOW_CHUNKS,
                    "charged for the chunks delivered before the client left, not the whole stream: "
                            + usage.completionTokens() + " tokens");
            long fee = fee(usage.costMicros());
            assertCharged(id, usage.costMicros(), fee, usage.costMicros() - fee, "cancelled");
        }
    }

    private static void assertCharged(String id, long gross, long fee, long share, String status) throws Exception {
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, id).orElseThrow();
            assertEquals(status, usage.status());
            assertEquals(gross, usage.costMicros());
            assertEquals(Optional.of("usage"), Db.journalKind(c, id));
            long providerId = Db.queryLong(c, "select id from provider where slug = 'teststub'");
            Map<String, Long> postings = new java.util.TreeMap<>();
            for (Db.Posting p : Db.postings(c, id)) {
                postings.merge(p.accountCode(), p.amountMicros(), Long::sum);
            }
            assertEquals(Map.of(Db.creditAccount(usage.developerId()), -gross, "provider:" + providerId + ":payable", share,
                    "platform:revenue:take", fee), postings);
            LedgerAssertions.assertHoldClosed(c, id, "settled");
        }
    }

    private static Db.Usage awaitUsage(Connection c, String id, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Optional<Db.Usage> usage = Db.usage(c, id);
        while (usage.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            usage = Db.usage(c, id);
        }
        return usage.orElseThrow(() -> new AssertionError("no usage record for " + id + " within " + within));
    }

    private static HttpResponse<String> post(String model, boolean stream) throws Exception {
        return HttpClient.newHttpClient().send(request(model, stream), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postBody(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestTarget.apiUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TestTarget.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String model, boolean stream) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":100," + (stream ? "\"stream\":true," : "")
                + "\"messages\":[{\"role\":\"user\",\"content\":\"route me\"}]}";
        return HttpRequest.newBuilder(URI.create(TestTarget.apiUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TestTarget.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long fee(long gross) {
        return (gross * 500 + 5_000) / 10_000; // round half up, as billing's Money.split
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
