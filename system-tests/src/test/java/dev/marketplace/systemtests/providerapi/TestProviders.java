package dev.marketplace.systemtests.providerapi;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import dev.marketplace.systemtests.support.StubUpstreams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.HexFormat;

/**
 * A provider of a test's own, written into the test database: an active provider with a Connect account whose
 * transfers are active (so a payout gate lets paid traffic through), one endpoint on the healthy stub (usage 12 + 11
 * tokens per call), a registry model only it lists, a live listing of it and a provider token (stored, as the server
 * stores them, as SHA-256 hex).
 */
record TestProviders(long providerId, long endpointId, long modelId, String modelSlug, long listingId, String token,
                     long tokenId) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static TestProviders create(String name, long inputMicrosPerMTok, long outputMicrosPerMTok) throws Exception {
        String suffix = hex(5);
        String slug = "provapi-" + name + "-" + suffix;
        String token = "pk-mk-v1-" + hex(32);
        try (Connection c = Db.connect()) {
            long provider = Db.queryLong(c, "insert into provider (slug, name) values (?, ?) returning id", slug, slug);
            Db.queryLong(c, "with i as (insert into provider_payout_account (provider_id, stripe_account_id,"
                    + " details_submitted, charges_enabled, payouts_enabled, transfers_capability)"
                    + " values (?, ?, true, true, true, 'active') returning 1) select count(*) from i",
                    provider, "acct_provapi" + suffix);
            long endpoint = Db.queryLong(c, "insert into provider_endpoint (provider_id, name, base_url, adapter_id, timeout_ms)"
                    + " values (?, 'main', ?, 'openai', 5000) returning id", provider,
                    "http://127.0.0.1:" + StubUpstreams.HEALTHY_PORT + "/v1");
            String modelSlug = "provapi/" + name + "-" + suffix;
            long model = Db.queryLong(c, "insert into model (slug, name, context_length, max_output_tokens)"
                    + " values (?, ?, 8192, 512) returning id", modelSlug, modelSlug);
            long listing = Db.queryLong(c, "insert into listing (model_id, endpoint_id, upstream_model,"
                    + " input_price_micros_per_mtok, output_price_micros_per_mtok, status) values (?, ?, 'stub', ?, ?, 'live')"
                    + " returning id", model, endpoint, inputMicrosPerMTok, outputMicrosPerMTok);
            long tokenId = Db.queryLong(c, "insert into provider_token (provider_id, name, token_hash, token_hint, created_by)"
                    + " values (?, 'system test', ?, ?, 'system-test') returning id", provider, sha256(token),
                    token.substring(0, 12) + "…" + token.substring(token.length() - 4));
            awaitListed(modelSlug);
            return new TestProviders(provider, endpoint, model, modelSlug, listing, token, tokenId);
        }
    }

    /** Waits (at most 5 s) until the catalog snapshot, which polls the catalog version every second, lists the model. */
    private static void awaitListed(String modelSlug) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Http.get(TestTarget.apiUrl() + "/models", null).body().contains("\"" + modelSlug + "\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(modelSlug + " is not listed after 5 s");
            }
            Thread.sleep(100);
        }
    }

    /** Another registry model (for drafts), listed by nobody yet. */
    static String newModel(String name) throws Exception {
        String slug = "provapi/" + name + "-" + hex(5);
        try (Connection c = Db.connect()) {
            Db.queryLong(c, "insert into model (slug, name, context_length, max_output_tokens) values (?, ?, 8192, 512)"
                    + " returning id", slug, slug);
        }
        return slug;
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
