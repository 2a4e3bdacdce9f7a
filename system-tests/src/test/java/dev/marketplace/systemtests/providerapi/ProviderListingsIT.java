package dev.marketplace.systemtests.providerapi;

import static dev.marketplace.systemtests.providerapi.ProviderApi.expect;
import static dev.marketplace.systemtests.providerapi.ProviderApi.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Eventually;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Draft listings through the provider API (created and edited as drafts, validation naming the field, a live listing
 * not editable), endpoint health and earnings after real calls (earnings = what the ledger posted), and the OpenAPI
 * document.
 */
class ProviderListingsIT {
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
    void aDraftIsCreatedAndEditedAsADraftAndNeverRouted() throws Exception {
        TestProviders p = TestProviders.create("drafts", 1_000_000, 2_000_000);
        String model = TestProviders.newModel("draft");
        String body = "{\"endpoint_id\":" + p.endpointId() + ",\"model\":\"" + model + "\",\"upstream_model\":\"acme-7b\","
                + "\"prices\":" + ProviderApi.prices(500_000, 1_500_000) + ",\"quantization\":\"fp8\","
                + "\"supported_parameters\":[\"temperature\",\"max_tokens\"]}";
        JsonObject draft = Http.json(expect(201, ProviderApi.post("/listings", p.token(), body)).body()).getJsonObject("data");
        assertEquals("draft", draft.getString("status"));
        assertEquals(model, draft.getString("model"));
        long id = draft.getJsonNumber("id").longValue();
        expectError(409, "model", ProviderApi.post("/listings", p.token(), body));

        JsonObject edited = Http.json(expect(200, ProviderApi.patch("/listings/" + id, p.token(),
                "{\"upstream_model\":\"acme-7b-v2\",\"prices\":{\"output_price_micros_per_mtok\":1600000},\"quantization\":null}"))
                .body()).getJsonObject("data");
        assertEquals("draft", edited.getString("status"));
        assertEquals("acme-7b-v2", edited.getString("upstream_model"));
        assertEquals(500_000, edited.getJsonObject("prices").getJsonNumber("input_price_micros_per_mtok").longValue());
        assertEquals(1_600_000, edited.getJsonObject("prices").getJsonNumber("output_price_micros_per_mtok").longValue());
        assertTrue(edited.isNull("quantization"));
        assertTrue(!Http.get(TestTarget.apiUrl() + "/models", null).body().contains(model), "a draft is never listed");
    }

    @Test
    void validationErrorsNameTheField() throws Exception {
        TestProviders p = TestProviders.create("validation", 1_000_000, 2_000_000);
        String model = TestProviders.newModel("invalid");
        String base = "\"endpoint_id\":" + p.endpointId() + ",\"upstream_model\":\"m\"";
        expectError(400, "model", ProviderApi.post("/listings", p.token(),
                "{" + base + ",\"model\":\"nobody/unknown\",\"prices\":" + ProviderApi.prices(1, 1) + "}"));
        expectError(400, "prices.output_price_micros_per_mtok", ProviderApi.post("/listings", p.token(),
                "{" + base + ",\"model\":\"" + model + "\",\"prices\":{\"input_price_micros_per_mtok\":1}}"));
        expectError(400, "prices.input_price_micros_per_mtok", ProviderApi.post("/listings", p.token(),
                "{" + base + ",\"model\":\"" + model + "\",\"prices\":" + ProviderApi.prices(-1, 1) + "}"));
        expectError(400, "prices.input_price_micros_per_mtok", ProviderApi.post("/listings", p.token(),
                "{" + base + ",\"model\":\"" + model + "\",\"prices\":{\"input_price_micros_per_mtok\":0.5,\"output_price_micros_per_mtok\":1}}"));
        expectError(400, "prices.prompt", ProviderApi.post("/listings", p.token(),
                "{" + base + ",\"model\":\"" + model + "\",\"prices\":{\"prompt\":1,\"input_price_micros_per_mtok\":1,\"output_price_micros_per_mtok\":1}}"));
        expectError(400, "quantization", ProviderApi.post("/listings", p.token(),
                "{" + base + ",\"model\":\"" + model + "\",\"prices\":" + ProviderApi.prices(1, 1) + ",\"quantization\":\"fp3\"}"));
        expectError(400, "prices.tier_min_context", ProviderApi.post("/listings", p.token(),
                "{" + base + ",\"model\":\"" + model + "\",\"prices\":{\"input_price_micros_per_mtok\":1,"
                        + "\"output_price_micros_per_mtok\":1,\"tier_min_context\":1000}}"));
        expectError(409, "listing_id", ProviderApi.patch("/listings/" + p.listingId(), p.token(), "{\"upstream_model\":\"x\"}"));
        expectError(404, null, ProviderApi.get("/listings/abc", p.token()));
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from listing where model_id = (select id from model where slug = ?)", model));
        }
    }

    @Test
    void healthAndEarningsReflectRealCallsAndThePostedLedger() throws Exception {
        TestProviders p = TestProviders.create("earnings", 3_000_000, 7_000_000);
        for (int i = 0; i < 3; i++) {
            PriceChangeIT.charged(p);
        }
        JsonObject health = Eventually.until(() -> Http.json(expect(200, ProviderApi.get("/endpoints/" + p.endpointId()
                        + "/health", p.token())).body()).getJsonObject("data"),
                h -> h.getJsonNumber("requests_last_1d").longValue() >= 3, Eventually.ENDPOINT_STATS); // next flush
        assertEquals(3, health.getJsonNumber("requests_last_1d").longValue());
        assertEquals(1.0, health.getJsonObject("uptime").getJsonNumber("last_5m").doubleValue());
        assertTrue(!health.getJsonObject("latency_ms_last_30m").isNull("p95"));
        assertEquals(0, health.getJsonObject("error_classes_last_1d").getInt("upstream_error"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        HttpResponse<String> r = expect(200, ProviderApi.get("/earnings?from=" + today + "&to=" + today, p.token()));
        JsonObject earnings = Http.json(r.body());
        JsonObject row = earnings.getJsonArray("data").getJsonObject(0);
        long perCall = PriceChangeIT.cost(3_000_000, 7_000_000);
        assertEquals(p.modelSlug(), row.getString("model"));
        assertEquals(3, row.getInt("requests"));
        assertEquals(36, row.getInt("prompt_tokens"));
        assertEquals(33, row.getInt("completion_tokens"));
        assertEquals(3 * perCall, row.getJsonNumber("gross_micros").longValue());
        long fee = row.getJsonNumber("fee_micros").longValue();
        long net = row.getJsonNumber("net_micros").longValue();
        assertEquals(3 * perCall, fee + net, "fee and net add back to gross");
        try (Connection c = Db.connect()) {
            assertEquals(net, Db.queryLong(c, "select coalesce(sum(amount_micros), 0) from ledger_posting where account_code = ?",
                    "provider:" + p.providerId() + ":payable"), "net = what the provider's payable account received");
        }
        expectError(400, "to", ProviderApi.get("/earnings?from=2026-01-01&to=2026-12-31", p.token()));
        expectError(400, "from", ProviderApi.get("/earnings?from=yesterday", p.token()));
    }

    @Test
    void theOpenApiDocumentDescribesTheProviderApi() {
        HttpResponse<String> r = expect(200, Http.get(TestTarget.baseUrl() + "/api/openapi", null));
        JsonObject doc = Http.json(r.body());
        assertTrue(doc.getString("openapi").startsWith("3."));
        assertTrue(doc.getJsonObject("paths").containsKey("/provider/v1/listings/{id}/price-changes"));
        assertEquals("bearer", doc.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("providerToken").getString("scheme"));
    }
}
