package dev.marketplace.systemtests.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.ChatApi.Generation;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Operations (issue 4): the application's Prometheus metrics at {@code /api/metrics}, its readiness and liveness
 * at {@code /api/health/*}, WildFly's own {@code /metrics} and {@code /health} on the management port (HTTP port
 * + 1910), and the per-generation log line without prompt or completion text.
 */
class OperationsIT {
    private static final String REQUESTS_OK = "marketplace_requests_total{model=\"" + Pricing.MODEL + "\",status=\"ok\"}";
    private static final String LATENCY_COUNT = "marketplace_request_duration_seconds_count{model=\"" + Pricing.MODEL + "\"}";
    private static final Pattern OUTCOME_TRUE = Pattern.compile("\"outcome\"\\s*:\\s*true");

    @Test
    void aCompletionIsCountedAndTimedInTheApplicationMetrics() {
        String before = scrape();
        long requests = value(before, REQUESTS_OK);
        long timed = value(before, LATENCY_COUNT);

        ChatApi.complete("metrics probe", 8);

        String after = scrape();
        assertTrue(value(after, REQUESTS_OK) >= requests + 1, () -> "requests counter did not move:\n" + after);
        assertTrue(value(after, LATENCY_COUNT) >= timed + 1, () -> "latency histogram did not move:\n" + after);
        assertTrue(after.contains("marketplace_request_duration_seconds_bucket{model=\"" + Pricing.MODEL + "\",le=\"+Inf\"}"),
                () -> after);
        assertTrue(after.contains("# TYPE marketplace_request_duration_seconds histogram"), () -> after);
        assertTrue(value(after, "marketplace_holds_total{result=\"placed\"}") >= 1, () -> after);
        assertTrue(after.contains("marketplace_group_commit_queue_depth "), () -> after);
        assertTrue(value(after, "marketplace_group_commit_batch_size_count") >= 1, () -> after);
    }

    @Test
    void aRefusedRequestIsCountedByStatus() {
        long before = value(scrape(), "marketplace_requests_refused_total{status=\"401\"}");
        HttpResponse<String> r = Http.postJson(ChatApi.completionsUrl(), "sk-mk-v1-not-a-key", ChatApi.body("hi", false, 4));
        assertEquals(401, r.statusCode(), () -> Http.describe(r));
        assertTrue(value(scrape(), "marketplace_requests_refused_total{status=\"401\"}") >= before + 1);
    }

    @Test
    void theApplicationIsReadyWhenItsDatabaseAnswersAndLive() {
        HttpResponse<String> ready = Http.get(TestTarget.baseUrl() + "/api/health/ready", null);
        assertEquals(200, ready.statusCode(), () -> Http.describe(ready));
        JsonObject body = Http.json(ready.body());
        assertEquals("UP", body.getString("status"), ready::body);
        assertEquals("database", body.getJsonArray("checks").getJsonObject(0).getString("name"), ready::body);
        assertEquals("UP", body.getJsonArray("checks").getJsonObject(0).getString("status"), ready::body);

        HttpResponse<String> live = Http.get(TestTarget.baseUrl() + "/api/health/live", null);
        assertEquals(200, live.statusCode(), () -> Http.describe(live));
        assertEquals("UP", Http.json(live.body()).getString("status"), live::body);
    }

    @Test
    void wildflysHealthSubsystemAnswersUpOnTheManagementPort() {
        for (String path : List.of("/health/ready", "/health/live", "/health")) {
            HttpResponse<String> r = Http.get(managementUrl() + path, null);
            assertEquals(200, r.statusCode(), () -> Http.describe(r));
            assertTrue(OUTCOME_TRUE.matcher(r.body()).find(), () -> Http.describe(r));
        }
    }

    @Test
    void wildflysMetricsSubsystemExposesServerAndPoolMetricsOnTheManagementPort() {
        HttpResponse<String> r = Http.get(managementUrl() + "/metrics", null);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        assertTrue(r.body().contains("base_memory_usedHeap_bytes"), () -> "JVM metrics missing:\n" + r.body());
        assertTrue(r.body().contains("wildfly_datasources_pool_in_use_count{data_source=\"MarketDirectDS\"}"),
                () -> "datasource pool statistics missing:\n" + r.body());
    }

    @Test
    void eachGenerationIsLoggedOnceWithItsIdAndWithoutItsText() throws InterruptedException {
        String secret = "do-not-log-" + UUID.randomUUID();
        Generation g = ChatApi.complete("please repeat " + secret, 16);
        Optional<Path> log = logDir().map(d -> d.resolve("generations.log"));
        if (log.isEmpty() || !Files.isRegularFile(log.get())) {
            return; // the test stack's log directory is not on this machine (remote target): nothing more to check
        }
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) { // the handler is asynchronous
            line = lines(log.get()).filter(l -> l.contains(g.id())).findFirst().orElse(null);
            if (line == null) {
                Thread.sleep(100);
            }
        }
        String found = line;
        assertTrue(found != null, () -> "no line for " + g.id() + " in " + log.get());
        JsonObject entry = Http.json(found);
        assertEquals("generation", entry.getString("event"), found);
        assertEquals(Pricing.MODEL, entry.getString("model"), found);
        assertEquals("ok", entry.getString("status"), found);
        assertTrue(entry.containsKey("cost_micros") && entry.containsKey("latency_ms") && entry.containsKey("provider"), found);
        assertEquals(1, lines(log.get()).filter(l -> l.contains(g.id())).count(), "one line per generation");
        for (Path file : List.of(log.get(), log.get().resolveSibling("server.log"))) {
            if (Files.isRegularFile(file)) {
                assertFalse(lines(file).anyMatch(l -> l.contains(secret)), () -> file + " contains prompt or completion text");
            }
        }
    }

    private static String scrape() {
        HttpResponse<String> r = Http.get(TestTarget.baseUrl() + "/api/metrics", null);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), () -> Http.describe(r));
        return r.body();
    }

    /** The value of one exposed sample (its full name with labels), 0 when absent. */
    private static long value(String exposition, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(exposition);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** WildFly's management interface: the HTTP port + 1910 (8080 → 9990, 8380 → 10290). */
    private static String managementUrl() {
        URI base = URI.create(TestTarget.baseUrl());
        int port = base.getPort() == -1 ? 80 : base.getPort();
        return base.getScheme() + "://" + base.getHost() + ":" + (port + 1910);
    }

    /** The test stack's WildFly log directory, when the target runs on this machine from this work tree. */
    private static Optional<Path> logDir() {
        URI base = URI.create(TestTarget.baseUrl());
        String instance = base.getPort() == 8380 ? "wildfly-test" : base.getPort() == 8080 ? "wildfly-dev" : null;
        if (!"localhost".equals(base.getHost()) || instance == null) {
            return Optional.empty();
        }
        String runDir = System.getenv("MARKET_RUN_DIR");
        Stream<Path> candidates = Stream.of(runDir == null ? null : Path.of(runDir), Path.of("..", ".run"), Path.of(".run"))
                .filter(p -> p != null);
        return candidates.map(p -> p.resolve(instance).resolve("log")).filter(Files::isDirectory).findFirst();
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
