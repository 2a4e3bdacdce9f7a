package dev.marketplace.systemtests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Sse;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streams hold no thread and no unbounded buffer in the gateway: a client that stops reading stops the upstream
 * read (backpressure) and still gets every chunk and the right charge; 200 streams at once all complete while the
 * server runs fewer threads than streams. Prices (test-seed.json): $1 / $2 per million tokens, take rate 500 bps.
 */
class StreamingLoadIT {
    private static final int CONCURRENT_STREAMS = 200;
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
    void aClientThatStopsReadingStopsTheUpstreamReadAndStillGetsEveryChunk() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> r = client.send(request("test/firehose", 500), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream body = r.body()) {
            received.write(body.readNBytes(64 * 1024));
            int stalledAt = awaitStall();
            assertTrue(stalledAt < StubUpstreams.FIREHOSE_CHUNKS / 2, "the upstream was read only as far as socket buffers"
                    + " allow, not buffered in the gateway: the stub wrote " + stalledAt + " of "
                    + StubUpstreams.FIREHOSE_CHUNKS + " chunks while the client read 64 KB");
            body.transferTo(received);
        }
        List<String> events = Sse.dataPayloads(received.toString(StandardCharsets.UTF_8));
        assertEquals(Sse.DONE, events.get(events.size() - 1));
        long contentChunks = events.stream().filter(e -> e.contains("\"content\":\"xxxx")).count();
        assertEquals(StubUpstreams.FIREHOSE_CHUNKS, contentChunks, "every chunk reached the slow client");
        String id = r.headers().firstValue("X-Generation-Id").orElseThrow();
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, id).orElseThrow();
            assertEquals("ok", usage.status());
            assertEquals(StubUpstreams.FIREHOSE_COMPLETION_TOKENS, usage.completionTokens());
            // 12 prompt tokens at $1/M + 400 completion tokens at $2/M = 812 micro-USD
            assertEquals(812, usage.costMicros());
        }
        assertTrue(events.get(events.size() - 2).contains("\"cost\":0.000812"), events.get(events.size() - 2));
    }

    @Test
    void twoHundredConcurrentStreamsCompleteWithFewerThreadsThanStreams() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CONCURRENT_STREAMS; i++) {
            streams.add(client.sendAsync(request("test/paced", 100), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(700); // every stream is open now (each takes about a second)
        long threadsWhileStreaming = serverLiveThreads();
        CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).join();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> stream : streams) {
            HttpResponse<String> r = stream.join();
            assertEquals(200, r.statusCode(), () -> Http.describe(r));
            List<String> events = Sse.dataPayloads(r.body());
            assertEquals(Sse.DONE, events.get(events.size() - 1));
            assertEquals(StubUpstreams.PACED_CHUNKS, events.stream().filter(e -> e.contains("\"content\":\" p")).count());
            ids.add(r.headers().firstValue("X-Generation-Id").orElseThrow());
        }
        assertTrue(threadsWhileStreaming < CONCURRENT_STREAMS, "no thread per stream: the server had "
                + threadsWhileStreaming + " live threads while " + CONCURRENT_STREAMS + " streams were open");
        assertTrue(elapsedMs < 20_000, "the streams ran side by side: " + elapsedMs + " ms");
        try (Connection c = Db.connect()) {
            for (String id : ids) {
                Db.Usage usage = Db.usage(c, id).orElseThrow();
                assertEquals("ok", usage.status(), id);
                // 12 prompt tokens at $1/M + 20 completion tokens at $2/M = 52 micro-USD
                assertEquals(52, usage.costMicros(), id);
            }
        }
    }

    /** Waits until the firehose stub stops making progress (its socket is full); returns how far it got. */
    private static int awaitStall() throws InterruptedException {
        int last = -1;
        int now = StubUpstreams.firehoseWritten();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (now != last && System.nanoTime() < deadline) {
            last = now;
            Thread.sleep(1_000);
            now = StubUpstreams.firehoseWritten();
        }
        return now;
    }

    /** {@code base_thread_count} from WildFly's metrics on the management interface (HTTP port + 1910). */
    private static long serverLiveThreads() throws Exception {
        URI base = URI.create(TestTarget.baseUrl());
        String url = base.getScheme() + "://127.0.0.1:" + (base.getPort() + 1910) + "/metrics";
        HttpResponse<String> r = Http.get(url, null);
        Matcher m = Pattern.compile("(?m)^base_thread_count(?:\\{[^}]*})? ([0-9.eE+]+)").matcher(r.body());
        assertTrue(m.find(), () -> "no base_thread_count in " + url);
        return (long) Double.parseDouble(m.group(1));
    }

    private static HttpRequest request(String model, int maxTokens) {
        String body = "{\"model\":\"" + model + "\",\"stream\":true,\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"stream to me\"}]}";
        return HttpRequest.newBuilder(URI.create(TestTarget.apiUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestTarget.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
