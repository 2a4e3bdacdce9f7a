package dev.marketplace.systemtests.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OpenAI-compatible upstreams the routing tests need, served by the test JVM on the ports that
 * {@code test-seed.json} lists: failing (503), healthy (a fixed reply with usage 12 + 11 tokens), breaking (two
 * stream chunks, then the stream ends without {@code [DONE]}), slow (one chunk every 200 ms) and stalling (three
 * seconds of silence in the middle of a stream); the healthy one also answers legacy completions and embeddings.
 * For streaming under load: a firehose (64 MB of chunks as fast as the gateway reads them, counting what it
 * managed to write) and a paced stream (20 chunks 50 ms apart, one thread per stream here so that hundreds can
 * run at once). {@link NamedStubs} (port 18199) adds the recording endpoints the API and routing tests use.
 */
public final class StubUpstreams implements AutoCloseable {
    public static final int FAILING_PORT = 18193;
    public static final int HEALTHY_PORT = 18194;
    public static final int BREAKS_PORT = 18195;
    public static final int SLOW_PORT = 18196;
    public static final int STALLS_PORT = 18197;
    public static final int LONG_PORT = 18198;
    public static final int LONG_CHUNKS = 30;
    public static final long LONG_CHUNK_GAP_MS = 1_500;
    public static final int SLOW_CHUNKS = 20;
    public static final String HEALTHY_TEXT = "Hello from the healthy stub.";
    public static final int FIREHOSE_PORT = 18186;
    public static final int PACED_PORT = 18187;
    public static final int FIREHOSE_CHUNKS = 4_000;
    public static final int FIREHOSE_CHUNK_CHARS = 16_384;
    /** What the firehose reports as usage (the gateway bills the upstream's usage when it reports one). */
    public static final int FIREHOSE_COMPLETION_TOKENS = 400;
    public static final int PACED_CHUNKS = 20;
    private static final AtomicInteger FIREHOSE_WRITTEN = new AtomicInteger();

    private static final AtomicInteger FAILING_HITS = new AtomicInteger();
    private final List<HttpServer> servers = new ArrayList<>();
    private NamedStubs named;

    /** How many requests the failing endpoint has received so far. */
    public static int failingHits() {
        return FAILING_HITS.get();
    }

    public static StubUpstreams start() throws IOException {
        StubUpstreams stubs = new StubUpstreams();
        stubs.serve(FAILING_PORT, StubUpstreams::failing);
        stubs.serve(HEALTHY_PORT, StubUpstreams::healthy);
        stubs.serve(BREAKS_PORT, StubUpstreams::breaks);
        stubs.serve(SLOW_PORT, StubUpstreams::slow);
        stubs.serve(STALLS_PORT, StubUpstreams::stalls);
        stubs.serve(LONG_PORT, StubUpstreams::longStream);
        stubs.serve(FIREHOSE_PORT, StubUpstreams::firehose);
        stubs.serve(PACED_PORT, StubUpstreams::paced, 256);
        stubs.named = NamedStubs.start();
        return stubs;
    }

    /** How many chunks the firehose has written (into its socket) in its current or last stream. */
    public static int firehoseWritten() {
        return FIREHOSE_WRITTEN.get();
    }

    private void serve(int port, Handler handler) throws IOException {
        serve(port, handler, 8);
    }

    private void serve(int port, Handler handler, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        // the failing stub fails every operation (a 404 for an unknown path would be the caller's error, no failover)
        server.createContext(port == FAILING_PORT ? "/v1/" : "/v1/chat/completions", exchange -> {
            try (exchange) {
                boolean stream = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .contains("\"stream\":true");
                handler.handle(exchange, stream);
            } catch (IOException | RuntimeException e) {
                // the client (the gateway) may hang up on purpose in these tests; nothing to answer then
            }
        });
        if (port == HEALTHY_PORT) { // the healthy stub also serves the other two operations
            server.createContext("/v1/completions", exchange -> answer(exchange, 200, "{\"id\":\"stub-1\","
                    + "\"object\":\"text_completion\",\"created\":1,\"model\":\"stub\",\"choices\":[{\"index\":0,"
                    + "\"text\":\"" + HEALTHY_TEXT + "\",\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":11,\"total_tokens\":23}}"));
            server.createContext("/v1/embeddings", exchange -> answer(exchange, 200, "{\"object\":\"list\",\"data\":"
                    + "[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.6,0.8]}],\"model\":\"stub\","
                    + "\"usage\":{\"prompt_tokens\":12,\"total_tokens\":12}}"));
        }
        server.start();
        servers.add(server);
    }

    private static void failing(HttpExchange exchange, boolean stream) throws IOException {
        FAILING_HITS.incrementAndGet();
        send(exchange, 503, "application/json", "{\"error\":{\"message\":\"stub is down\",\"type\":\"server_error\"}}");
    }

    private static void healthy(HttpExchange exchange, boolean stream) throws IOException {
        if (!stream) {
            send(exchange, 200, "application/json", "{\"id\":\"stub-1\",\"object\":\"chat.completion\",\"created\":1,"
                    + "\"model\":\"stub\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                    + HEALTHY_TEXT + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":11,\"total_tokens\":23}}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, chunk(HEALTHY_TEXT, null));
        event(out, chunk(null, "stop"));
        event(out, "{\"id\":\"stub-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":11,\"total_tokens\":23}}");
        event(out, "[DONE]");
    }

    private static void breaks(HttpExchange exchange, boolean stream) throws IOException {
        if (!stream) {
            send(exchange, 500, "application/json", "{\"error\":{\"message\":\"stub broke\"}}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, chunk("Hello", null));
        event(out, chunk(" world", null));
        // and the stream ends here: no finish reason, no usage, no [DONE]
    }

    private static void slow(HttpExchange exchange, boolean stream) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 1; i <= SLOW_CHUNKS; i++) {
            event(out, chunk(" t" + i, null));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        event(out, chunk(null, "stop"));
        event(out, "[DONE]");
    }

    /** 64 MB of content chunks as fast as the reader takes them, then usage and [DONE]. */
    private static void firehose(HttpExchange exchange, boolean stream) throws IOException {
        FIREHOSE_WRITTEN.set(0);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String chunk = chunk("x".repeat(FIREHOSE_CHUNK_CHARS), null);
        for (int i = 0; i < FIREHOSE_CHUNKS; i++) {
            event(out, chunk);
            FIREHOSE_WRITTEN.incrementAndGet();
        }
        event(out, chunk(null, "stop"));
        event(out, "{\"id\":\"stub-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + FIREHOSE_COMPLETION_TOKENS + ",\"total_tokens\":"
                + (12 + FIREHOSE_COMPLETION_TOKENS) + "}}");
        event(out, "[DONE]");
    }

    /** {@link #PACED_CHUNKS} chunks 50 ms apart (about a second), with usage: many of these run at once. */
    private static void paced(HttpExchange exchange, boolean stream) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 1; i <= PACED_CHUNKS; i++) {
            event(out, chunk(" p" + i, null));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        event(out, chunk(null, "stop"));
        event(out, "{\"id\":\"stub-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + PACED_CHUNKS + ",\"total_tokens\":"
                + (12 + PACED_CHUNKS) + "}}");
        event(out, "[DONE]");
    }

    /** A 45-second stream: one chunk every 1.5 s, longer than any default 30 s async or proxy timeout. */
    private static void longStream(HttpExchange exchange, boolean stream) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 1; i <= LONG_CHUNKS; i++) {
            event(out, chunk(" l" + i, null));
            try {
                Thread.sleep(LONG_CHUNK_GAP_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        event(out, chunk(null, "stop"));
        event(out, "[DONE]");
    }

    /** One chunk, then three seconds of silence (the gateway keeps the client's stream alive), then the rest. */
    private static void stalls(HttpExchange exchange, boolean stream) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, chunk("Hello", null));
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        event(out, chunk(" again", null));
        event(out, chunk(null, "stop"));
        event(out, "{\"id\":\"stub-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":11,\"total_tokens\":23}}");
        event(out, "[DONE]");
    }

    /** An OpenAI chat chunk with a content delta (none when null) and a finish reason (null when null). */
    public static String chunk(String content, String finishReason) {
        String delta = content == null ? "{}" : "{\"content\":\"" + content + "\"}";
        String reason = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return "{\"id\":\"stub-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + reason + "}]}";
    }

    /** One SSE event, flushed. */
    public static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A whole reply with its length. */
    public static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void answer(HttpExchange exchange, int status, String json) {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            send(exchange, status, "application/json", json);
        } catch (IOException e) {
            // the gateway hung up; nothing to answer
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        if (named != null) {
            named.close();
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange, boolean stream) throws IOException;
    }
}
