package dev.marketplace.systemtests.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestDevelopers;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "A provider can test its own pending listings with its own keys, billed at zero": a provider member's own key (a
 * developer without any credit) calls the provider's pending listing, streaming and not, and nothing moves: no hold,
 * no journal, the balance unchanged to the micro-dollar, the usage recorded at cost 0 as a self-test. Anybody else,
 * even a developer with credit, gets 404 for that model.
 */
class ProviderSelfTestIT {
    private static ProbeStubs stubs;
    private static TestDevelopers.NewDeveloper member;
    private static TestDevelopers.NewDeveloper stranger;
    private static ProbeListings.Created listing;

    @BeforeAll
    static void setUp() throws Exception {
        stubs = ProbeStubs.start();
        member = TestDevelopers.create("selftest-member", "own key", null);
        stranger = TestDevelopers.create("selftest-stranger", "their key", null);
        listing = ProbeListings.create("selftest", ProbeStubs.HONEST_PORT, "pending", username(member.id()));
    }

    @AfterAll
    static void tearDown() throws Exception {
        ProbeListings.retire(listing.listingId());
        stubs.close();
    }

    @Test
    void theProvidersOwnKeyCallsItsPendingListingAtZeroCost() throws Exception {
        long balanceBefore = balance(member.id());
        long postingsBefore = postings(member.id());

        HttpResponse<String> plain = awaitRouted(member.apiKey());
        assertEquals(200, plain.statusCode(), () -> Http.describe(plain));
        JsonObject reply = Http.json(plain.body());
        String generation = reply.getString("id");
        assertEquals(ProbeStubs.REPLY, reply.getJsonArray("choices").getJsonObject(0).getJsonObject("message")
                .getString("content"));

        HttpResponse<String> streamed = Http.postJson(ChatApi.completionsUrl(), member.apiKey(), body(true));
        assertEquals(200, streamed.statusCode(), () -> Http.describe(streamed));
        String streamedGeneration = ChatApi.chunks(streamed.body()).get(0).getString("id");

        try (Connection c = Db.connect()) {
            for (String id : new String[] {generation, streamedGeneration}) {
                Db.Usage usage = Db.usage(c, id).orElseThrow(() -> new AssertionError("no usage record " + id));
                assertEquals(0, usage.costMicros(), id);
                assertEquals(0, usage.holdMicros(), id);
                assertEquals("ok", usage.status());
                assertTrue(usage.completionTokens() > 0);
                assertEquals(1, Db.queryLong(c, "select count(*) from usage_record where id = ? and self_test", id));
                assertFalse(Db.journalKind(c, id).isPresent(), "no journal for a self-test");
                assertFalse(Db.hold(c, id).isPresent(), "no hold for a self-test");
            }
        }
        assertEquals(balanceBefore, balance(member.id()), "the balance, to the micro-dollar");
        assertEquals(postingsBefore, postings(member.id()), "no posting on the member's account");
    }

    @Test
    void nobodyElseReachesTheNonLiveListing() throws Exception {
        awaitRouted(member.apiKey()); // the catalog knows the listing by now
        for (String key : new String[] {stranger.apiKey(), TestTarget.apiKey()}) {
            HttpResponse<String> r = Http.postJson(ChatApi.completionsUrl(), key, body(false));
            assertEquals(404, r.statusCode(), () -> Http.describe(r));
            JsonObject error = Http.json(r.body()).getJsonObject("error");
            assertEquals(404, error.getInt("code"));
        }
    }

    /** The first answer other than 404: the catalog picks the new listing up within about a second. */
    private static HttpResponse<String> awaitRouted(String key) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        HttpResponse<String> r;
        do {
            r = Http.postJson(ChatApi.completionsUrl(), key, body(false));
            if (r.statusCode() != 404) {
                return r;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return r;
    }

    private static String body(boolean stream) {
        var b = Json.createObjectBuilder().add("model", listing.modelSlug())
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("role", "user").add("content", "Count to twenty.")))
                .add("max_tokens", 64);
        if (stream) {
            b.add("stream", true);
        }
        return b.build().toString();
    }

    private static String username(long developerId) throws SQLException {
        try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement(
                "select username from developer where id = ?")) {
            s.setLong(1, developerId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long balance(long developerId) throws SQLException {
        try (Connection c = Db.connect()) {
            return Db.queryLong(c, "select coalesce(sum(balance_micros), 0) from account_balance where account_code = ?",
                    Db.creditAccount(developerId));
        }
    }

    private static long postings(long developerId) throws SQLException {
        try (Connection c = Db.connect()) {
            return Db.queryLong(c, "select count(*) from ledger_posting where account_code = ?",
                    Db.creditAccount(developerId));
        }
    }
}
