package dev.marketplace.systemtests.providerapi;

import static dev.marketplace.systemtests.providerapi.ProviderApi.expect;
import static dev.marketplace.systemtests.providerapi.ProviderApi.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix of the provider API: provider A's token against every id-taking operation with provider
 * B's ids answers 404 exactly like an unknown id and changes nothing; a developer API key, a management key, no
 * token, a malformed and a revoked token answer 401 in the error shape everywhere; lists hold only A's objects.
 */
class ProviderApiAuthorizationIT {
    static final String MANAGEMENT_KEY_DEFAULT = "sk-mk-mgmt-v1-" + "mgmt".repeat(16);
    static TestProviders a;
    static TestProviders b;
    static long bPendingChange;

    @BeforeAll
    static void providers() throws Exception {
        a = TestProviders.create("bola-a", 1_000_000, 2_000_000);
        b = TestProviders.create("bola-b", 1_000_000, 2_000_000);
        JsonObject change = Http.json(expect(201, ProviderApi.post("/listings/" + b.listingId() + "/price-changes", b.token(),
                "{\"prices\":" + ProviderApi.prices(1_000_000, 3_000_000) + ",\"effective_at\":\""
                        + java.time.Instant.now().plus(java.time.Duration.ofDays(8)) + "\"}")).body());
        bPendingChange = change.getJsonObject("data").getJsonNumber("id").longValue();
    }

    /** Every id-taking operation, with B's ids, sent with A's token. */
    static List<Function<String, HttpResponse<String>>> operationsOnBsObjects() {
        String listing = "/listings/" + b.listingId();
        return List.of(
                t -> ProviderApi.get(listing, t),
                t -> ProviderApi.patch(listing, t, "{\"upstream_model\":\"stolen\"}"),
                t -> ProviderApi.get(listing + "/price-changes", t),
                t -> ProviderApi.post(listing + "/price-changes", t, "{\"prices\":" + ProviderApi.prices(1, 1) + "}"),
                t -> ProviderApi.delete(listing + "/price-changes/" + bPendingChange, t),
                t -> ProviderApi.delete("/listings/" + a.listingId() + "/price-changes/" + bPendingChange, t),
                t -> ProviderApi.get("/endpoints/" + b.endpointId() + "/health", t));
    }

    @Test
    void anotherProvidersIdsAreNotFoundAndNothingChanges() throws Exception {
        for (Function<String, HttpResponse<String>> operation : operationsOnBsObjects()) {
            JsonObject error = expectError(404, null, operation.apply(a.token()));
            assertEquals("not_found_error", error.getString("type"));
        }
        HttpResponse<String> unknown = ProviderApi.get("/listings/999999999", a.token());
        assertEquals(Http.json(unknown.body()), Http.json(ProviderApi.get("/listings/" + b.listingId(), a.token()).body()),
                "a stranger's id answers exactly like an unknown one");

        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from listing where id = ? and upstream_model = 'stub'"
                    + " and input_price_micros_per_mtok = 1000000 and output_price_micros_per_mtok = 2000000", b.listingId()));
            assertEquals(1, Db.queryLong(c, "select count(*) from listing_price_change where listing_id = ?", b.listingId()));
            assertEquals(1, Db.queryLong(c, "select count(*) from listing_price_change where id = ?"
                    + " and applied_at is null and cancelled_at is null", bPendingChange));
        }
        JsonObject bChanges = Http.json(expect(200, ProviderApi.get("/listings/" + b.listingId() + "/price-changes", b.token())).body());
        assertEquals("pending", bChanges.getJsonArray("data").getJsonObject(0).getString("status"));
    }

    @Test
    void aDraftOnAnotherProvidersEndpointIsNotFound() throws Exception {
        String model = TestProviders.newModel("bola-draft");
        expectError(404, "endpoint_id", ProviderApi.post("/listings", a.token(), "{\"endpoint_id\":" + b.endpointId()
                + ",\"model\":\"" + model + "\",\"upstream_model\":\"x\",\"prices\":" + ProviderApi.prices(1, 1) + "}"));
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from listing where model_id = (select id from model where slug = ?)", model));
        }
    }

    @Test
    void listsHoldOnlyTheTokensProvider() {
        for (String path : List.of("/listings", "/endpoints")) {
            JsonObject list = Http.json(expect(200, ProviderApi.get(path, a.token())).body());
            List<Long> ids = list.getJsonArray("data").stream().map(JsonValue::asJsonObject)
                    .map(o -> o.getJsonNumber("id").longValue()).toList();
            assertEquals(List.of(path.equals("/listings") ? a.listingId() : a.endpointId()), ids, path);
        }
    }

    @Test
    void developerKeysManagementKeysAndMissingOrRevokedTokensAre401() throws Exception {
        String revoked = TestProviders.create("bola-revoked", 1, 1).token();
        expect(200, ProviderApi.get("/listings", revoked));
        try (Connection c = Db.connect()) {
            Db.queryLong(c, "with r as (update provider_token set revoked_at = now(), revoked_by = 'test' where token_hash = ?"
                    + " returning 1) select count(*) from r", TestProviders.sha256(revoked));
        }
        List<String> refused = java.util.Arrays.asList(TestTarget.apiKey(), managementKey(), null, "pk-mk-v1-short",
                "pk-mk-v1-" + "0".repeat(64), revoked);
        List<Function<String, HttpResponse<String>>> all = new java.util.ArrayList<>(operationsOnBsObjects());
        all.add(t -> ProviderApi.get("/listings", t));
        all.add(t -> ProviderApi.post("/listings", t, "{}"));
        all.add(t -> ProviderApi.get("/endpoints", t));
        all.add(t -> ProviderApi.get("/earnings", t));
        for (String bearer : refused) {
            for (Function<String, HttpResponse<String>> operation : all) {
                HttpResponse<String> r = operation.apply(bearer);
                JsonObject error = expectError(401, null, r);
                assertEquals("authentication_error", error.getString("type"), () -> Http.describe(r));
            }
        }
        JsonObject devKey = expectError(401, null, ProviderApi.get("/listings", TestTarget.apiKey()));
        assertTrue(devKey.getString("message").contains("provider token"), devKey.getString("message"));
    }

    @Test
    void aProviderTokenCannotCallModels() {
        HttpResponse<String> r = Http.postJson(TestTarget.apiUrl() + "/chat/completions", a.token(),
                "{\"model\":\"" + a.modelSlug() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        expectError(401, null, r);
        expectError(401, null, Http.get(TestTarget.apiUrl() + "/keys", a.token()));
    }

    private static String managementKey() {
        String value = System.getProperty("market.managementKey");
        return value == null || value.isBlank() ? MANAGEMENT_KEY_DEFAULT : value.strip();
    }
}
