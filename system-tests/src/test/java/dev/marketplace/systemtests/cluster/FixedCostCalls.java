package dev.marketplace.systemtests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.marketplace.systemtests.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls of {@code test/fixed} (input free, 10 micro-USD per output token) at {@code max_tokens} 11, which the healthy
 * stub answers with exactly 11 tokens: each call holds and costs exactly {@link #COST_MICROS}, so a credit of N
 * times that covers exactly N calls.
 */
final class FixedCostCalls {
    static final String MODEL = "test/fixed";
    static final int MAX_TOKENS = 11;
    static final long COST_MICROS = 110;

    /** How parallel calls ended: served, refused for the developer's credit, refused for the key's limit. */
    record Outcome(int served, int noCredit, int keyLimit) {
    }

    private FixedCostCalls() {
    }

    static String body(int n) {
        return Json.createObjectBuilder().add("model", MODEL).add("max_tokens", MAX_TOKENS)
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("role", "user").add("content", "fixed-cost call " + n)))
                .build().toString();
    }

    static HttpResponse<String> call(String baseUrl, String key, int n) {
        return Http.postJson(baseUrl + "/api/v1/chat/completions", key, body(n));
    }

    /** {@code calls} calls at once from {@code threads} threads, call i going to node i mod the number of nodes. */
    static Outcome inParallel(String key, int calls, int threads, List<String> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                tasks.add(() -> call(nodes.get(n % nodes.size()), key, n));
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(tasks)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        int served = 0;
        int noCredit = 0;
        int keyLimit = 0;
        for (HttpResponse<String> r : responses) {
            if (r.statusCode() == 200) {
                assertEquals(COST_MICROS, costMicros(r), () -> "fixed cost: " + Http.describe(r));
                served++;
            } else if (r.statusCode() == 402) {
                JsonObject error = Http.json(r.body()).getJsonObject("error");
                JsonObject metadata = error.getJsonObject("metadata");
                if (metadata != null && "key_limit".equals(metadata.getString("reason", ""))) {
                    keyLimit++;
                } else {
                    assertEquals("insufficient_quota", error.getString("type"), () -> Http.describe(r));
                    noCredit++;
                }
            } else {
                fail("a call is served or refused with 402: " + Http.describe(r));
            }
        }
        return new Outcome(served, noCredit, keyLimit);
    }

    static long costMicros(HttpResponse<String> r) {
        return Http.json(r.body()).getJsonObject("usage").getJsonNumber("cost").bigDecimalValue()
                .movePointRight(6).longValueExact();
    }
}
