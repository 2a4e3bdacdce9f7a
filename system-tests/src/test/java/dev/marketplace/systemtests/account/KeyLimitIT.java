package dev.marketplace.systemtests.account;

import static dev.marketplace.systemtests.account.AccountApi.data;
import static dev.marketplace.systemtests.account.AccountApi.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A key's credit limit holds on the hot path: parallel calls on a key whose limit covers only a few of them
 * never spend more than the limit (settled usage plus calls in flight count), and the refused ones get 402 with
 * the key-limit reason while the developer still has plenty of credit.
 */
class KeyLimitIT {
    static final long LIMIT_MICROS = 300; // $0.000300: a few sim/echo-1 calls at max_tokens 20
    static final int CALLS = 60;

    @Test
    void parallelCallsNeverSpendMoreThanTheKeysLimit() throws Exception {
        JsonObject created = Http.json(post("/keys", AccountApi.managementKey(),
                "{\"name\":\"limit-" + System.nanoTime() + "\",\"limit\":0.0003}").body());
        String secret = created.getString("key");
        long keyId = created.getJsonObject("data").getJsonNumber("id").longValue();
        assertEquals(LIMIT_MICROS, AccountApi.micros(data(AccountApi.get("/keys/" + keyId, AccountApi.managementKey()), 200), "limit"));

        List<HttpResponse<String>> responses = callInParallel(secret);
        int served = 0;
        int refused = 0;
        for (HttpResponse<String> r : responses) {
            if (r.statusCode() == 200) {
                served++;
                continue;
            }
            assertEquals(402, r.statusCode(), () -> Http.describe(r));
            JsonObject error = Http.json(r.body()).getJsonObject("error");
            assertEquals("key_limit", error.getJsonObject("metadata").getString("reason"), () -> Http.describe(r));
            refused++;
        }
        try (Connection c = Db.connect()) {
            long spent = Db.queryLong(c, "select coalesce(sum(cost_micros), 0) from usage_record where api_key_id = ?", keyId);
            long openHolds = Db.queryLong(c, "select count(*) from key_hold kh join ledger_hold h on h.id = kh.hold_id "
                    + "where kh.api_key_id = ? and h.status = 'open'", keyId);
            assertTrue(spent <= LIMIT_MICROS, "spent " + spent + " of a limit of " + LIMIT_MICROS);
            assertTrue(served >= 1, "the limit covers at least one call");
            assertTrue(refused >= 1, "the limit cannot cover " + CALLS + " calls");
            assertEquals(served, Db.queryLong(c, "select count(*) from usage_record where api_key_id = ? and status = 'ok'", keyId));
            assertEquals(0, openHolds, "no hold of the key left open");
        }
    }

    private static List<HttpResponse<String>> callInParallel(String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String body = ChatApi.body("limited call " + i, false, 20);
                calls.add(() -> Http.postJson(ChatApi.completionsUrl(), key, body));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
