package dev.marketplace.systemtests.providerapi;

import static dev.marketplace.systemtests.providerapi.ProviderApi.expect;
import static dev.marketplace.systemtests.providerapi.ProviderApi.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Effective-dated price changes through the provider API, checked where they matter: the charge of the next call
 * (the healthy stub reports 12 prompt and 11 completion tokens, so a call costs ⌈(12 × input + 11 × output) / 10⁶⌉
 * micro-USD) and the journal posted for it. A decrease is in force within seconds; an increase is refused without
 * notice, accepted with it and not applied before its time; a change scheduled a few seconds ahead is applied by the
 * timer.
 */
class PriceChangeIT {
    static final long APPLIED_WITHIN_MS = 2_000;
    static final long TIMER_WITHIN_MS = 15_000;
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
    void aDecreaseIsChargedOnTheNextCallsToTheMicroDollar() throws Exception {
        TestProviders p = TestProviders.create("decrease", 3_000_000, 7_000_000);
        assertEquals(cost(3_000_000, 7_000_000), charged(p));

        JsonObject change = Http.json(expect(201, ProviderApi.post("/listings/" + p.listingId() + "/price-changes", p.token(),
                "{\"prices\":" + ProviderApi.prices(1_250_001, 4_999_999) + "}")).body()).getJsonObject("data");
        assertEquals("applied", change.getString("status"));

        long seenMs = waitUntil(() -> charged(p) == cost(1_250_001, 4_999_999), TIMER_WITHIN_MS);
        assertTrue(seenMs < APPLIED_WITHIN_MS, "the new price was charged after " + seenMs + " ms");
        System.out.printf("price decrease charged %d ms after the API answered%n", seenMs);
    }

    @Test
    void anIncreaseNeedsNoticeAndIsNotAppliedBeforeItsTime() throws Exception {
        TestProviders p = TestProviders.create("increase", 1_000_000, 2_000_000);
        String higher = ProviderApi.prices(1_000_000, 9_000_000);
        String path = "/listings/" + p.listingId() + "/price-changes";

        JsonObject refused = expectError(400, "effective_at", ProviderApi.post(path, p.token(), "{\"prices\":" + higher + "}"));
        assertTrue(refused.getString("message").contains("7 days"), refused.getString("message"));
        expectError(400, "effective_at", ProviderApi.post(path, p.token(), "{\"prices\":" + higher
                + ",\"effective_at\":\"" + Instant.now().plus(Duration.ofDays(6)) + "\"}"));

        Instant inEightDays = Instant.now().plus(Duration.ofDays(8));
        JsonObject pending = Http.json(expect(201, ProviderApi.post(path, p.token(), "{\"prices\":" + higher
                + ",\"effective_at\":\"" + inEightDays + "\"}")).body()).getJsonObject("data");
        assertEquals("pending", pending.getString("status"));
        expectError(409, "listing_id", ProviderApi.post(path, p.token(), "{\"prices\":" + ProviderApi.prices(1, 1) + "}"));

        Thread.sleep(11_000); // one applier run at least
        assertEquals(cost(1_000_000, 2_000_000), charged(p), "the old price until the effective time");
        JsonObject listing = Http.json(expect(200, ProviderApi.get("/listings/" + p.listingId(), p.token())).body());
        assertEquals(2_000_000, listing.getJsonObject("data").getJsonObject("prices")
                .getJsonNumber("output_price_micros_per_mtok").longValue());

        long id = pending.getJsonNumber("id").longValue();
        JsonObject cancelled = Http.json(expect(200, ProviderApi.delete(path + "/" + id, p.token())).body()).getJsonObject("data");
        assertEquals("cancelled", cancelled.getString("status"));
    }

    @Test
    void aChangeDueInAFewSecondsIsAppliedByTheTimer() throws Exception {
        TestProviders p = TestProviders.create("timer", 2_000_000, 4_000_000);
        Instant soon = Instant.now().plusSeconds(3);
        JsonObject pending = Http.json(expect(201, ProviderApi.post("/listings/" + p.listingId() + "/price-changes", p.token(),
                "{\"prices\":" + ProviderApi.prices(1_000_000, 3_000_000) + ",\"effective_at\":\"" + soon + "\"}")).body())
                .getJsonObject("data");
        assertEquals("pending", pending.getString("status"));
        assertEquals(cost(2_000_000, 4_000_000), charged(p));

        waitUntil(() -> charged(p) == cost(1_000_000, 3_000_000), TIMER_WITHIN_MS + 3_000);
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from listing_price_change where id = ? and applied_at >= effective_at",
                    pending.getJsonNumber("id").longValue()));
        }
    }

    /** What the next call of the provider's model costs, checked against its posted journal. */
    static long charged(TestProviders p) {
        HttpResponse<String> r = expect(200, Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                Json.createObjectBuilder().add("model", p.modelSlug()).add("max_tokens", 20)
                        .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("role", "user").add("content", "price"))).build().toString()));
        JsonObject body = Http.json(r.body());
        long costMicros = body.getJsonObject("usage").getJsonNumber("cost").bigDecimalValue().movePointRight(6).longValueExact();
        try (Connection c = Db.connect()) {
            long debited = -Db.queryLong(c, """
                    select coalesce(sum(p.amount_micros), 0) from ledger_posting p join ledger_journal j on j.id = p.journal_id
                     where j.idempotency_key = ? and p.amount_micros < 0""", body.getString("id"));
            assertEquals(costMicros, debited, () -> "the journal posts what the response says: " + Http.describe(r));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return costMicros;
    }

    /** ⌈(12 × input + 11 × output) / 10⁶⌉ micro-USD. */
    static long cost(long inputMicrosPerMTok, long outputMicrosPerMTok) {
        long numerator = 12 * inputMicrosPerMTok + 11 * outputMicrosPerMTok;
        return (numerator + 999_999) / 1_000_000;
    }

    static long waitUntil(java.util.function.BooleanSupplier done, long limitMs) throws InterruptedException {
        long start = System.nanoTime();
        while (!done.getAsBoolean()) {
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs < limitMs, "not done after " + elapsedMs + " ms");
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
