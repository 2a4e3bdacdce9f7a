package dev.marketplace.routing.upstream.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.UpstreamException;
import dev.marketplace.routing.upstream.UpstreamHttp;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The asynchronous stream reader against a local upstream: events in order, and no reading ahead of the sink. */
class OpenAiStreamTest {
    private static final int CHUNKS = 2_000;
    private static final String PAD = "x".repeat(1_000);
    /** About 1 GB of events: what an upstream that is never told to stop writes. */
    private static final int ENDLESS = 1_000_000;

    private final AtomicInteger written = new AtomicInteger();
    private final CountDownLatch readerLeft = new CountDownLatch(1);
    private HttpServer server;
    private OpenAiAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < CHUNKS; i++) {
                    // split across writes on purpose: an event may arrive in pieces
                    out.write(("data: {\"n\":" + i + ",\"pad\":\"" + PAD).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    out.write("\"}\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                    written.incrementAndGet();
                }
                out.write("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}\n\ndata: [DONE]\n\n"
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientLeft) {
                readerLeft.countDown();
            }
        });
        server.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        adapter = new OpenAiAdapter(new UpstreamHttp(client), new Route.Endpoint(1, "openai",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", null, 5_000));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyEventArrivesInOrderWithTheUsage() throws Exception {
        List<JsonObject> chunks = new CopyOnWriteArrayList<>();
        JsonObject usage = adapter.stream(json("{\"stream\":true}"), chunks::add);

        assertEquals(CHUNKS + 1, chunks.size());
        for (int i = 0; i < CHUNKS; i++) {
            assertEquals(i, chunks.get(i).getInt("n"));
        }
        assertEquals(2, usage.getInt("completion_tokens"));
    }

    @Test
    void aSinkThatIsNotReadyStopsTheReadUntilItResumes() throws Exception {
        AtomicInteger received = new AtomicInteger();
        AtomicReference<Runnable> parked = new AtomicReference<>();
        ChunkSink slow = new ChunkSink() {
            @Override
            public void accept(JsonObject chunk) {
                received.incrementAndGet();
            }

            @Override
            public void whenReady(Runnable resume) {
                parked.set(resume); // not ready: hold on to the resume
            }
        };
        CompletableFuture<JsonObject> stream = adapter.streamAsync(json("{\"stream\":true}"), slow);
        awaitParked(parked);
        int before = received.get();
        Thread.sleep(500);
        assertEquals(before, received.get(), "no event is read while the sink is not ready");
        assertTrue(before < CHUNKS, "the reader stopped early: " + before);

        while (!stream.isDone()) { // now ready again, one batch at a time
            Runnable resume = parked.getAndSet(null);
            if (resume != null) {
                resume.run();
            }
            Thread.sleep(1);
        }
        assertEquals(CHUNKS + 1, received.get());
        assertEquals(2, stream.get(5, TimeUnit.SECONDS).getInt("completion_tokens"));
    }

    @Test
    void cancellingClosesTheUpstreamConnection() throws Exception {
        // a stream far longer than what socket buffers can absorb (loopback buffers grow to megabytes): the upstream
        // can only stop writing because the connection was closed, never because it finished
        server.removeContext("/v1/chat/completions");
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            byte[] event = ("data: {\"pad\":\"" + PAD + "\"}\n\n").getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < ENDLESS; i++) {
                    out.write(event);
                    written.incrementAndGet();
                }
            } catch (IOException clientLeft) {
                readerLeft.countDown();
            }
        });
        AtomicReference<Runnable> parked = new AtomicReference<>();
        ChunkSink never = new ChunkSink() {
            @Override
            public void accept(JsonObject chunk) {
            }

            @Override
            public void whenReady(Runnable resume) {
                parked.set(resume);
            }
        };
        CompletableFuture<JsonObject> stream = adapter.streamAsync(json("{\"stream\":true}"), never);
        awaitParked(parked);
        stream.cancel(true);
        assertTrue(readerLeft.await(30, TimeUnit.SECONDS), "the upstream saw its connection closed");
        assertTrue(written.get() < ENDLESS, "and had not written everything: " + written.get());
        try {
            stream.get();
        } catch (ExecutionException | java.util.concurrent.CancellationException expected) {
            return;
        }
        throw new AssertionError("a cancelled stream has no result");
    }

    @Test
    void aRefusalCarriesTheUpstreamStatus() throws Exception {
        server.removeContext("/v1/chat/completions");
        server.createContext("/v1/chat/completions", exchange -> {
            byte[] body = "{\"error\":{\"message\":\"slow down\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> adapter.streamAsync(json("{\"stream\":true}"), chunk -> { }).get(5, TimeUnit.SECONDS));
        UpstreamException refused = (UpstreamException) e.getCause();
        assertEquals(429, refused.status());
        assertEquals("slow down", refused.getMessage());
        assertTrue(refused.retryable());
    }

    private static void awaitParked(AtomicReference<Runnable> parked) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (parked.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(parked.get() != null, "the reader asked the sink whether it is ready");
    }

    private static JsonObject json(String text) {
        return JsonP.createReader(new StringReader(text)).readObject();
    }
}
