package dev.marketplace.systemtests.account;

import static dev.marketplace.systemtests.account.AccountApi.assertError;
import static dev.marketplace.systemtests.account.AccountApi.data;
import static dev.marketplace.systemtests.account.AccountApi.delete;
import static dev.marketplace.systemtests.account.AccountApi.get;
import static dev.marketplace.systemtests.account.AccountApi.micros;
import static dev.marketplace.systemtests.account.AccountApi.patch;
import static dev.marketplace.systemtests.account.AccountApi.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The management API {@code /keys} with the demo management key, and the rules of the two kinds of key. */
class ManagementApiIT {
    private static final String MGMT = AccountApi.managementKey();

    private static HttpResponse<String> chat(String key) {
        return Http.postJson(ChatApi.completionsUrl(), key, ChatApi.body("Hello from a managed key", false, 8));
    }

    private static String createBody(String name, String extra) {
        return "{\"name\":\"" + name + "\"" + extra + "}";
    }

    @Test
    void createUseDisableEnableRevoke() throws Exception {
        String name = "it-flow-" + UUID.randomUUID();
        HttpResponse<String> created = post("/keys", MGMT, createBody(name, ",\"limit\":5,\"limit_reset\":\"daily\""));
        assertEquals(201, created.statusCode(), () -> Http.describe(created));
        JsonObject body = Http.json(created.body());
        String secret = body.getString("key");
        JsonObject key = body.getJsonObject("data");
        String id = key.getString("hash");
        assertTrue(secret.startsWith("sk-mk-v1-") && secret.length() == 9 + 64, secret);
        assertEquals(name, key.getString("name"));
        assertEquals(5_000_000, micros(key, "limit"));
        assertEquals(5_000_000, micros(key, "limit_remaining"));
        assertEquals("daily", key.getString("limit_reset"));
        assertEquals(0, micros(key, "usage"));
        assertFalse(key.getBoolean("disabled"));
        assertFalse(created.body().contains(OtherDeveloper.sha256(secret)), "the hash is never shown");
        try (Connection c = Db.connect()) {
            assertEquals(Long.parseLong(id), Db.queryLong(c,
                    "select id from api_key where key_hash = ? and kind = 'api' and credit_limit_micros = 5000000 "
                            + "and limit_reset = 'daily' and developer_id = ?",
                    OtherDeveloper.sha256(secret), Db.developerIdOfKey(c, TestTarget.apiKey())));
        }

        HttpResponse<String> call = chat(secret);
        assertEquals(200, call.statusCode(), () -> Http.describe(call));
        JsonObject usage = Http.json(call.body()).getJsonObject("usage");
        long cost = Pricing.usdToMicros(usage.getJsonNumber("cost").bigDecimalValue());
        JsonObject self = data(get("/key", secret), 200);
        assertEquals(cost, micros(self, "usage"), "the new key's usage is its one call");
        assertEquals(5_000_000 - cost, micros(self, "limit_remaining"));
        JsonObject managed = data(get("/keys/" + id, MGMT), 200);
        assertEquals(cost, micros(managed, "usage"));
        assertEquals(cost, micros(managed, "usage_daily"));

        JsonObject disabled = data(patch("/keys/" + id, MGMT, "{\"disabled\":true}"), 200);
        assertTrue(disabled.getBoolean("disabled"));
        assertRefusedWithin2s(secret);

        JsonObject enabled = data(patch("/keys/" + id, MGMT, "{\"disabled\":false,\"name\":\"renamed\",\"limit\":null}"), 200);
        assertFalse(enabled.getBoolean("disabled"));
        assertEquals("renamed", enabled.getString("name"));
        assertEquals(JsonValue.NULL, enabled.get("limit"));
        assertEquals("daily", enabled.getString("limit_reset"), "an absent field stays as it was");
        HttpResponse<String> again = chat(secret);
        assertEquals(200, again.statusCode(), () -> Http.describe(again));

        HttpResponse<String> deleted = delete("/keys/" + id, MGMT);
        assertEquals(200, deleted.statusCode(), () -> Http.describe(deleted));
        assertTrue(Http.json(deleted.body()).getBoolean("deleted"));
        assertRefusedWithin2s(secret);
        JsonObject listed = Http.json(get("/keys", MGMT).body()).getJsonArray("data").stream()
                .map(JsonValue::asJsonObject).filter(k -> k.getString("hash").equals(id)).findFirst().orElseThrow();
        assertTrue(listed.getBoolean("revoked"), listed::toString);
        Instant.parse(listed.getString("revoked_at"));
        assertError(patch("/keys/" + id, MGMT, "{\"disabled\":false}"), 400, null);
    }

    private static void assertRefusedWithin2s(String secret) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        HttpResponse<String> r = chat(secret);
        while (r.statusCode() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = chat(secret);
        }
        assertError(r, 401, null);
    }

    /**
     * A change this node did not make (as if another node had made it: here straight in the database, stamping
     * updated_at as every change does) reaches this node's key cache within 2 s, well before its 30 s expiry.
     */
    @Test
    void aChangeMadeElsewhereReachesTheCacheWithin2s() throws Exception {
        JsonObject created = Http.json(post("/keys", MGMT, createBody("it-elsewhere", "")).body());
        String secret = created.getString("key");
        long id = Long.parseLong(created.getJsonObject("data").getString("hash"));
        HttpResponse<String> cached = chat(secret);
        assertEquals(200, cached.statusCode(), () -> Http.describe(cached));
        try (Connection c = Db.connect();
             var ps = c.prepareStatement("update api_key set disabled = true, updated_at = now() where id = ?")) {
            ps.setLong(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        assertRefusedWithin2s(secret);
        delete("/keys/" + id, MGMT);
    }

    @Test
    void listShowsTheDevelopersApiKeysNeverSecretsOrManagementKeys() throws Exception {
        JsonObject list = Http.json(get("/keys", MGMT).body());
        String text = list.toString();
        assertFalse(text.contains(TestTarget.apiKey()), "no secret");
        assertFalse(text.contains(MGMT));
        try (Connection c = Db.connect()) {
            long developerId = Db.developerIdOfKey(c, TestTarget.apiKey());
            long apiKeys = Db.queryLong(c, "select count(*) from api_key where developer_id = ? and kind = 'api'", developerId);
            assertEquals(apiKeys, list.getJsonArray("data").size());
        }
        for (JsonValue v : list.getJsonArray("data")) {
            JsonObject k = v.asJsonObject();
            for (String field : new String[] {"hash", "name", "label", "disabled", "limit", "limit_remaining",
                    "limit_reset", "usage", "created_at", "updated_at", "expires_at"}) {
                assertTrue(k.containsKey(field), () -> field + " in " + k);
            }
        }
    }

    @Test
    void anExpiredKeyIsRefused() throws Exception {
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        JsonObject created = Http.json(post("/keys", MGMT,
                createBody("it-expiring", ",\"expires_at\":\"" + expiry + "\"")).body());
        String secret = created.getString("key");
        assertEquals(expiry.toString(), created.getJsonObject("data").getString("expires_at"));
        HttpResponse<String> before = chat(secret);
        assertEquals(200, before.statusCode(), () -> Http.describe(before));
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 500);
        assertError(chat(secret), 401, null);
        delete("/keys/" + created.getJsonObject("data").getString("hash"), MGMT);
    }

    @Test
    void invalidRequestsAnswer400NamingTheParameter() {
        assertError(post("/keys", MGMT, "{}"), 400, "name");
        assertError(post("/keys", MGMT, "{\"name\":\"   \"}"), 400, "name");
        assertError(post("/keys", MGMT, "{\"name\":42}"), 400, "name");
        assertError(post("/keys", MGMT, createBody("x", ",\"limit\":-1")), 400, "limit");
        assertError(post("/keys", MGMT, createBody("x", ",\"limit\":\"5\"")), 400, "limit");
        assertError(post("/keys", MGMT, createBody("x", ",\"limit\":0.0000001")), 400, "limit");
        assertError(post("/keys", MGMT, createBody("x", ",\"limit_reset\":\"yearly\"")), 400, "limit_reset");
        assertError(post("/keys", MGMT, createBody("x", ",\"expires_at\":\"tomorrow\"")), 400, "expires_at");
        assertError(post("/keys", MGMT, createBody("x", ",\"expires_at\":\"2020-01-01T00:00:00Z\"")), 400, "expires_at");
        assertError(post("/keys", MGMT, "{\"name\":"), 400, null);
    }

    @Test
    void patchValidatesItsFields() throws Exception {
        String id = Http.json(post("/keys", MGMT, createBody("it-patch", "")).body()).getJsonObject("data").getString("hash");
        assertError(patch("/keys/" + id, MGMT, "{\"disabled\":\"yes\"}"), 400, "disabled");
        assertError(patch("/keys/" + id, MGMT, "{\"name\":\"\"}"), 400, "name");
        assertError(patch("/keys/" + id, MGMT, "{\"limit\":-5}"), 400, "limit");
        assertError(patch("/keys/" + id, MGMT, "not json"), 400, null);
        assertEquals("it-patch", data(get("/keys/" + id, MGMT), 200).getString("name"), "nothing was changed");
        delete("/keys/" + id, MGMT);
    }

    @Test
    void anotherDevelopersKeysAreNotFound() throws Exception {
        OtherDeveloper other = OtherDeveloper.create();
        String foreign = "/keys/" + other.apiKeyId();
        assertError(get(foreign, MGMT), 404, null);
        assertError(patch(foreign, MGMT, "{\"disabled\":true}"), 404, null);
        assertError(delete(foreign, MGMT), 404, null);
        assertError(get("/keys/" + other.managementKeyId(), MGMT), 404, null);
        assertError(get("/keys/not-a-number", MGMT), 404, null);
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from api_key where id = ? and revoked_at is null "
                    + "and not disabled", other.apiKeyId()), "the foreign key is untouched");
        }
        // and the other way round: the other developer sees only their own key
        JsonObject theirs = Http.json(get("/keys", other.managementKey()).body());
        assertEquals(1, theirs.getJsonArray("data").size(), theirs::toString);
        assertEquals(Long.toString(other.apiKeyId()), theirs.getJsonArray("data").getJsonObject(0).getString("hash"));
        long demoKeyId;
        try (Connection c = Db.connect()) {
            demoKeyId = Db.queryLong(c, "select id from api_key where key_hash = ?", OtherDeveloper.sha256(TestTarget.apiKey()));
        }
        assertError(get("/keys/" + demoKeyId, other.managementKey()), 404, null);
        assertError(delete("/keys/" + demoKeyId, other.managementKey()), 404, null);
        assertEquals(200, ChatApi.post("still works", false, 4).statusCode(), "the demo key was not revoked");
    }

    @Test
    void anApiKeyCannotManageKeys() {
        assertError(get("/keys", TestTarget.apiKey()), 403, null);
        assertError(post("/keys", TestTarget.apiKey(), createBody("sneaky", "")), 403, null);
        assertError(get("/keys", null), 401, null);
        assertError(get("/keys", "sk-mk-mgmt-v1-" + "0".repeat(64)), 401, null);
    }

    @Test
    void aManagementKeyCannotCallModels() {
        assertError(chat(MGMT), 401, null);
    }
}
