package dev.marketplace.systemtests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes made through one node (a key revoked) or in the database behind both (a price, a suspended provider: the
 * catalog has no editing screen yet) are in force on both nodes within 2 s: each node polls key changes and the
 * catalog version once a second.
 */
class ClusterCacheSyncIT {
    static final long WITHIN_MS = 2_000;
    static final String MANAGEMENT_KEY_DEFAULT = "sk-mk-mgmt-v1-" + "mgmt".repeat(16);
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
    void aKeyRevokedThroughOneNodeIsRefusedByTheOtherWithin2s() {
        String mgmt = managementKey();
        JsonObject created = Http.json(expect(201, Http.postJson(TestTarget.apiUrl() + "/keys", mgmt,
                "{\"name\":\"cluster-revoke-" + System.nanoTime() + "\"}")).body());
        String secret = created.getString("key");
        long id = created.getJsonObject("data").getJsonNumber("id").longValue();
        expect(200, FixedCostCalls.call(TestTarget.baseUrl2(), secret, 1)); // node B has the key in its cache now

        expect(200, Http.send(Http.request(TestTarget.apiUrl() + "/keys/" + id, mgmt).DELETE().build()));
        long revoked = System.nanoTime();
        long seenMs = waitUntil(() -> FixedCostCalls.call(TestTarget.baseUrl2(), secret, 2).statusCode(), s -> s == 401);
        assertTrue(seenMs < WITHIN_MS, "node B refused the revoked key after " + seenMs + " ms");
        assertEquals(401, FixedCostCalls.call(TestTarget.baseUrl(), secret, 3).statusCode());
        System.out.printf("key revocation seen by the other node after %d ms (%d ms in all)%n", seenMs,
                (System.nanoTime() - revoked) / 1_000_000);
    }

    @Test
    void aNewPriceIsListedAndChargedByBothNodesWithin2s() throws Exception {
        long newOutputMicrosPerMTok = 7_000_000;
        String perToken = "0.000007";
        assertEquals("0.000002", completionPrice(TestTarget.baseUrl2()).orElseThrow(), "the seeded price");
        try (Connection c = Db.connect()) {
            Db.queryLong(c, "with changed as (update listing set output_price_micros_per_mtok = ? where model_id ="
                    + " (select id from model where slug = 'test/priced') returning 1) select count(*) from changed",
                    newOutputMicrosPerMTok);
        }
        for (String node : ClusterSpendIT.twoNodes()) {
            long seenMs = waitUntil(() -> completionPrice(node).orElse(""), perToken::equals);
            assertTrue(seenMs < WITHIN_MS, node + " listed the new price after " + seenMs + " ms");
        }
        HttpResponse<String> call = expect(200, Http.postJson(TestTarget.baseUrl2() + "/api/v1/chat/completions",
                TestTarget.apiKey(), body("test/priced")));
        // the stub reports 12 prompt tokens at 1 micro-USD each and 11 completion tokens at the new price
        assertEquals(12 + 11 * 7, FixedCostCalls.costMicros(call), () -> Http.describe(call));
    }

    @Test
    void aSuspendedProviderIsRoutedToByNeitherNodeWithin2s() throws Exception {
        for (String node : ClusterSpendIT.twoNodes()) {
            expect(200, Http.postJson(node + "/api/v1/chat/completions", TestTarget.apiKey(), body("test/suspendable")));
        }
        setProviderStatus("suspended");
        try {
            for (String node : ClusterSpendIT.twoNodes()) {
                long seenMs = waitUntil(() -> Http.postJson(node + "/api/v1/chat/completions", TestTarget.apiKey(),
                        body("test/suspendable")).statusCode(), s -> s == 404);
                assertTrue(seenMs < WITHIN_MS, node + " stopped routing to the suspended provider after " + seenMs + " ms");
                assertTrue(!listed(node, "test/suspendable"), node + " no longer lists the suspended provider's model");
            }
        } finally {
            setProviderStatus("active");
        }
    }

    private static void setProviderStatus(String status) throws Exception {
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "with changed as (update provider set status = ? where slug = 'clusterstub'"
                    + " returning 1) select count(*) from changed", status));
        }
    }

    /** Milliseconds until the condition holds, polling every 50 ms; fails after 10 s. */
    private static <T> long waitUntil(Supplier<T> probe, Predicate<T> done) {
        long start = System.nanoTime();
        T last = probe.get();
        while (!done.test(last)) {
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs < 10_000, "still " + last + " after 10 s");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = probe.get();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Optional<String> completionPrice(String node) {
        return model(node, "test/priced").map(m -> m.getJsonObject("pricing").getString("completion"));
    }

    private static boolean listed(String node, String slug) {
        return model(node, slug).isPresent();
    }

    private static Optional<JsonObject> model(String node, String slug) {
        JsonObject list = Http.json(expect(200, Http.get(node + "/api/v1/models", null)).body());
        return list.getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("id").equals(slug)).findFirst();
    }

    private static String body(String model) {
        return Json.createObjectBuilder().add("model", model).add("max_tokens", 20)
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("role", "user").add("content", "cluster"))).build().toString();
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), () -> Http.describe(r));
        return r;
    }

    private static String managementKey() {
        String value = System.getProperty("market.managementKey");
        return value == null || value.isBlank() ? MANAGEMENT_KEY_DEFAULT : value.strip();
    }
}
