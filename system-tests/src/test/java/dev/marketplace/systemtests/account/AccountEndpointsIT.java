package dev.marketplace.systemtests.account;

import static dev.marketplace.systemtests.account.AccountApi.assertError;
import static dev.marketplace.systemtests.account.AccountApi.data;
import static dev.marketplace.systemtests.account.AccountApi.get;
import static dev.marketplace.systemtests.account.AccountApi.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.ChatApi.Generation;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code GET /key}, {@code /credits} and {@code /generation} with the demo API key, checked against the database. */
class AccountEndpointsIT {
    private static final String KEY = TestTarget.apiKey();

    @Test
    void keyReportsItsUsageExactlyAsTheUsageRecordsSumIt() throws Exception {
        ChatApi.complete("How much have I spent?");
        JsonObject key = data(get("/key", KEY), 200);
        try (Connection c = Db.connect()) {
            long keyId = Db.queryLong(c, "select id from api_key where key_hash = ?", OtherDeveloper.sha256(KEY));
            long usage = Db.queryLong(c, "select coalesce(sum(cost_micros), 0) from usage_record where api_key_id = ?", keyId);
            assertTrue(usage > 0, "the call above was charged");
            assertEquals(usage, micros(key, "usage"), key::toString);
            String hint = Db.queryStrings(c, "select key_hint from api_key where id = " + keyId).get(0);
            assertEquals(hint, key.getString("label"));
        }
        assertEquals(JsonValue.NULL, key.get("limit"), "the demo key has no limit");
        assertEquals(JsonValue.NULL, key.get("limit_remaining"));
        assertFalse(key.getBoolean("is_free_tier"));
        assertTrue(Instant.parse(key.getString("created_at")).isBefore(Instant.now()));
    }

    @Test
    void creditsAreTheLedgersNonUsageAndUsagePostings() throws Exception {
        ChatApi.complete("What is my balance?");
        JsonObject credits = data(get("/credits", KEY), 200);
        try (Connection c = Db.connect()) {
            long developerId = Db.developerIdOfKey(c, KEY);
            String account = Db.creditAccount(developerId);
            String sums = """
                    select coalesce(sum(p.amount_micros), 0) from ledger_posting p
                      join ledger_journal j on j.id = p.journal_id where p.account_code = ? and j.kind %s 'usage'""";
            long credited = Db.queryLong(c, sums.formatted("<>"), account);
            long used = -Db.queryLong(c, sums.formatted("="), account);
            long recorded = Db.queryLong(c, "select coalesce(sum(cost_micros), 0) from usage_record where developer_id = ?",
                    developerId);
            long balance = Db.queryLong(c, "select coalesce(sum(amount_micros), 0) from ledger_posting where account_code = ?",
                    account);
            assertTrue(credited > 0 && used > 0, () -> "grant and usage are booked: " + credited + ", " + used);
            assertEquals(credited, micros(credits, "total_credits"), credits::toString);
            assertEquals(used, micros(credits, "total_usage"), credits::toString);
            assertEquals(recorded, used, "the usage journals add up to the usage records");
            assertEquals(balance, credited - used, "credits minus usage is the ledger balance");
        }
    }

    @Test
    void generationOfOwnCallMatchesTheResponseAndTheUsageRecord() throws Exception {
        Generation g = ChatApi.complete("Tell me about generation lookups");
        JsonObject gen = data(get("/generation?id=" + g.id(), KEY), 200);
        assertEquals(g.id(), gen.getString("id"));
        assertEquals("sim/echo-1", gen.getString("model"));
        assertEquals("sim", gen.getString("provider_name"));
        assertEquals(g.promptTokens(), gen.getJsonNumber("tokens_prompt").longValueExact());
        assertEquals(g.completionTokens(), gen.getJsonNumber("tokens_completion").longValueExact());
        assertEquals(g.costMicros(), micros(gen, "total_cost"), "total_cost is the response's usage.cost exactly");
        assertEquals(g.finishReason(), gen.getString("finish_reason"));
        assertFalse(gen.getBoolean("streamed"));
        assertFalse(gen.getBoolean("cancelled"));
        assertEquals("ok", gen.getString("status"));
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, g.id()).orElseThrow();
            assertEquals(usage.costMicros(), micros(gen, "total_cost"));
            long latency = Db.queryLong(c, "select latency_ms from usage_record where id = ?", g.id());
            assertEquals(latency, gen.getJsonNumber("latency").longValueExact());
        }
        Instant.parse(gen.getString("created_at"));
    }

    @Test
    void streamedGenerationSaysSo() {
        Generation g = ChatApi.stream("Stream it", 16);
        JsonObject gen = data(get("/generation?id=" + g.id(), KEY), 200);
        assertTrue(gen.getBoolean("streamed"));
        assertEquals(g.costMicros(), micros(gen, "total_cost"));
    }

    @Test
    void unknownOrMissingGenerationIdsAreRefused() {
        assertError(get("/generation?id=gen-0-000000000000000000000000", KEY), 404, "id");
        assertError(get("/generation?id=not-a-generation", KEY), 404, "id");
        assertError(get("/generation", KEY), 400, "id");
    }

    @Test
    void anotherDevelopersGenerationIsNotFound() throws Exception {
        Generation mine = ChatApi.complete("Only mine to see");
        OtherDeveloper other = OtherDeveloper.create();
        assertError(get("/generation?id=" + mine.id(), other.apiKey()), 404, "id");
        JsonObject theirs = data(get("/credits", other.apiKey()), 200);
        assertEquals(0, micros(theirs, "total_credits"), "the other developer sees only their own (empty) account");
        assertEquals(0, micros(theirs, "total_usage"));
        assertEquals(0, micros(data(get("/key", other.apiKey()), 200), "usage"));
    }

    @Test
    void accountEndpointsNeedAnApiKey() {
        for (String path : new String[] {"/key", "/credits", "/generation?id=gen-1"}) {
            assertError(get(path, null), 401, null);
            assertError(get(path, "sk-mk-v1-" + "f".repeat(64)), 401, null);
            assertError(get(path, AccountApi.managementKey()), 403, null);
        }
    }
}
