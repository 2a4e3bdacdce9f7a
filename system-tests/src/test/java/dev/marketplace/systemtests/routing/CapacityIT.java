package dev.marketplace.systemtests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Eventually;
import dev.marketplace.systemtests.support.LedgerAssertions;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.NamedStubs;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Endpoint capacity limits, timeouts and over-reported usage (test-seed.json, provider rt-cap and rt-misc):
 * {@code capped1} and {@code solo} take one call at a time (each call takes 1.5 s), {@code rpm2} two requests a
 * minute, {@code drained} none; {@code sleepy} answers after its 1 s timeout; {@code overrun} reports 500 completion
 * tokens whatever the cap. A call refused for capacity is never charged: nothing is held.
 */
class CapacityIT {
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
    void anEndpointAtCapacityIsSkippedForTheNext() throws Exception {
        int before = NamedStubs.requests("capped1", "chat/completions").size();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post("test/capacity"));
        awaitRequests("capped1", before + 1);
        HttpResponse<String> second = post("test/capacity");
        assertEquals(200, second.statusCode(), () -> Http.describe(second));
        assertEquals("served by spare", text(second), "capped1 was busy with the first call");
        HttpResponse<String> firstReply = first.get();
        assertEquals(200, firstReply.statusCode(), () -> Http.describe(firstReply));
        assertEquals("served by capped1", text(firstReply));
    }

    @Test
    void everyEndpointAtCapacityIsA429WithRetryAfterAndNoCharge() throws Exception {
        int before = NamedStubs.requests("solo", "chat/completions").size();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post("test/solo"));
        awaitRequests("solo", before + 1);
        HttpResponse<String> refused = post("test/solo");
        assertError(refused, 429, "rate_limit_error");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("endpoint_capacity", Http.json(refused.body()).getJsonObject("error").getJsonObject("metadata")
                .getString("reason"));
        assertFalse(refused.headers().firstValue("X-Generation-Id").isPresent(), "refused before any hold was placed");
        assertEquals(before + 1, NamedStubs.requests("solo", "chat/completions").size(), "the upstream never saw it");
        assertEquals(200, first.get().statusCode());
        assertEquals(200, post("test/solo").statusCode(), "once the slot is free again the endpoint serves");
    }

    @Test
    void requestsPerMinuteLimitAnEndpoint() {
        assertEquals(200, post("test/rpm").statusCode());
        assertEquals(200, post("test/rpm").statusCode());
        HttpResponse<String> third = post("test/rpm");
        assertError(third, 429, "rate_limit_error");
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "two a minute: a token every 30 s, got " + retryAfter);
        assertEquals(2, NamedStubs.requests("rpm2", "chat/completions").size());
    }

    @Test
    void aDrainedEndpointIsA503() {
        HttpResponse<String> r = post("test/drained");
        assertError(r, 503, "server_error");
        assertTrue(NamedStubs.requests("drained", "chat/completions").isEmpty());
    }

    @Test
    void anUpstreamThatTimesOutIsA408AndCostsNothing() throws Exception {
        HttpResponse<String> r = post("test/timeout");
        assertError(r, 408, "timeout_error");
        String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.usage(c, id).orElseThrow().costMicros());
            assertEquals(Optional.empty(), Db.journalKind(c, id), "a failed call posts no journal");
            LedgerAssertions.assertHoldClosed(c, id, "released");
        }
    }

    @Test
    void completionTokensAboveMaxTokensAreCappedAndFlagged() throws Exception {
        HttpResponse<String> r = Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                "{\"model\":\"test/overrun\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject usage = Http.json(r.body()).getJsonObject("usage");
        assertEquals(10, usage.getInt("completion_tokens"), "billed at the cap, not the 500 reported");
        String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
        try (Connection c = Db.connect()) {
            Db.Usage record = Db.usage(c, id).orElseThrow();
            assertEquals(10, record.completionTokens());
            assertEquals(32, record.costMicros(), "12 prompt tokens at $1/M + 10 completion tokens at $2/M");
            assertEquals(1, Db.queryLong(c, "select count(*) from usage_record where id = ? and capped", id));
        }
        // the endpoint stats are a per-minute rollup flushed in the background (decision 0017): poll until it shows
        HttpResponse<String> endpoints = Eventually.until(
                () -> Http.get(TestTarget.apiUrl() + "/models/test/overrun/endpoints", null),
                e -> e.statusCode() == 200 && firstEndpoint(e).getInt("capped_last_1d") >= 1, Eventually.ENDPOINT_STATS);
        assertEquals(200, endpoints.statusCode(), () -> Http.describe(endpoints));
        JsonObject endpoint = firstEndpoint(endpoints);
        assertTrue(endpoint.getInt("capped_last_1d") >= 1, "the provider's endpoint health shows it: " + endpoint);
    }

    private static JsonObject firstEndpoint(HttpResponse<String> endpoints) {
        return Http.json(endpoints.body()).getJsonObject("data").getJsonArray("endpoints").getJsonObject(0);
    }

    private static void awaitRequests(String stub, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (NamedStubs.requests(stub, "chat/completions").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, NamedStubs.requests(stub, "chat/completions").size(), "the first call reached " + stub);
    }

    private static HttpResponse<String> post(String model) {
        return Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                "{\"model\":\"" + model + "\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    }

    private static String text(HttpResponse<String> r) {
        return Http.json(r.body()).getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
    }

    private static void assertError(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), () -> Http.describe(r));
        JsonObject error = Http.json(r.body()).getJsonObject("error");
        assertEquals(status, error.getInt("code"));
        assertEquals(type, error.getString("type"));
    }
}
