package dev.marketplace.systemtests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A provider's endpoint whose host name resolves to this machine, as if the provider had pointed its DNS here after
 * registering a public one (decision 0025): the gateway judges the name again when it connects and does not call
 * it (a 502 that costs nothing, streamed or not); the same URL written by the operator ({@code operator_trusted},
 * as the seed file marks its endpoints) is called as written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamNameJudgedIT {
    private static StubUpstreams stubs;
    private static long endpointId;
    private static String model;

    @BeforeAll
    static void aProviderWhoseNamePointsHere() throws Exception {
        stubs = StubUpstreams.start();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        model = "rebind/m-" + suffix;
        try (Connection c = Db.connect()) {
            long provider = Db.queryLong(c, "insert into provider (slug, name) values (?, ?) returning id",
                    "rebind-" + suffix, "Rebinding provider " + suffix);
            Db.queryLong(c, "with i as (insert into provider_payout_account (provider_id, stripe_account_id,"
                    + " details_submitted, charges_enabled, payouts_enabled, transfers_capability)"
                    + " values (?, ?, true, true, true, 'active') returning 1) select count(*) from i",
                    provider, "acct_rebind" + suffix);
            // "localhost" stands for any name a provider's DNS now answers with a loopback or private address
            endpointId = Db.queryLong(c, "insert into provider_endpoint (provider_id, name, base_url, adapter_id, timeout_ms)"
                    + " values (?, 'main', ?, 'openai', 5000) returning id", provider,
                    "http://localhost:" + StubUpstreams.HEALTHY_PORT + "/v1");
            long modelId = Db.queryLong(c, "insert into model (slug, name, context_length, max_output_tokens)"
                    + " values (?, ?, 8192, 512) returning id", model, model);
            Db.queryLong(c, "insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok,"
                    + " output_price_micros_per_mtok, status) values (?, ?, 'stub', 1000000, 1000000, 'live') returning id",
                    modelId, endpointId);
        }
        long deadline = System.nanoTime() + 5_000_000_000L; // the catalog snapshot polls its version every second
        while (!Http.get(TestTarget.apiUrl() + "/models", null).body().contains("\"" + model + "\"")) {
            assertTrue(System.nanoTime() < deadline, model + " is not listed after 5 s");
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopStubs() {
        stubs.close();
    }

    @Test
    @Order(1)
    void aProvidersNameThatNowResolvesHereIsNotCalledAndCostsNothing() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            HttpResponse<String> r = post(stream);

            assertEquals(502, r.statusCode(), () -> Http.describe(r));
            String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
            try (Connection c = Db.connect()) {
                Db.Usage usage = Db.usage(c, id).orElseThrow();
                assertEquals("error", usage.status());
                assertEquals(0, usage.costMicros());
                assertEquals(Optional.empty(), Db.journalKind(c, id), "a call not made posts no journal");
            }
        }
    }

    @Test
    @Order(2)
    void theSameUrlWrittenByTheOperatorIsCalledAsWritten() throws Exception {
        try (Connection c = Db.connect()) {
            Db.queryLong(c, "with u as (update provider_endpoint set operator_trusted = true, updated_at = now()"
                    + " where id = ? returning 1) select count(*) from u", endpointId);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        HttpResponse<String> r = post(false);
        while (r.statusCode() != 200 && System.nanoTime() < deadline) { // until every node's snapshot has the flag
            Thread.sleep(200);
            r = post(false);
        }
        HttpResponse<String> answered = r;
        assertEquals(200, answered.statusCode(), () -> Http.describe(answered));
        assertEquals(200, post(true).statusCode());
    }

    private static HttpResponse<String> post(boolean stream) {
        return Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(), "{\"model\":\"" + model
                + "\",\"stream\":" + stream + ",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }
}
