package dev.marketplace.systemtests.listings;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A provider's upstream on 127.0.0.1:18220: {@code /v1/models} (OpenRouter's provider format, only with the right
 * bearer key) and {@code /v1/chat/completions} (a fixed reply with usage, only with the right key, which proves the
 * gateway opened the sealed key), plus hostile List Models documents under {@code /hostile/…}.
 */
final class ListingStub implements AutoCloseable {

    static final int PORT = 18220;
    static final String ORIGIN = "http://127.0.0.1:" + PORT;
    static final String KEY = "sk-stub-upstream-4321";
    static final String REPLY = "Hello from the listing stub.";
    private static final int BIG_BYTES = 10 * 1024 * 1024 + 1;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private ListingStub(String ownAuthor, String sharedSlug, String foreignAuthor) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 64);
        server.setExecutor(executor);
        server.createContext("/v1/models", exchange -> keyed(exchange, () -> models(ownAuthor, sharedSlug)));
        server.createContext("/v1/chat/completions", exchange -> keyed(exchange, ListingStub::completion));
        server.createContext("/hostile/types", exchange -> send(exchange, 200, """
                {"data": [{"id": "x/a", "context_length": "lots", "pricing": {"prompt": 1, "completion": "0.1e-5"}}]}"""));
        server.createContext("/hostile/duplicates", exchange -> send(exchange, 200, """
                {"data": [%s, %s]}""".formatted(item("dup/one", "D1"), item("dup/one", "D2"))));
        server.createContext("/hostile/namespace", exchange -> send(exchange, 200, "{\"data\": [" + item(foreignAuthor
                + "/taken", "Taken") + ", " + item(ownAuthor + "/fine", "Fine") + "]}"));
        server.createContext("/hostile/big", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, BIG_BYTES);
                byte[] block = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                for (int written = 0; written < BIG_BYTES; written += block.length) {
                    out.write(block, 0, Math.min(block.length, BIG_BYTES - written));
                }
            } catch (IOException expected) {
                // the gateway stops reading at its 10 MB limit and closes the connection
            }
        });
        server.start();
    }

    static ListingStub start(String ownAuthor, String sharedSlug, String foreignAuthor) throws IOException {
        return new ListingStub(ownAuthor, sharedSlug, foreignAuthor);
    }

    private static String models(String ownAuthor, String sharedSlug) {
        return "{\"data\": [" + item(ownAuthor + "/chat-1", "Own Chat 1") + ", " + item(sharedSlug, "Shared") + "]}";
    }

    private static String item(String id, String name) {
        return """
                {"id": "%s", "name": "%s", "context_length": 8192, "max_output_length": 1024,
                 "input_modalities": ["text"], "output_modalities": ["text"],
                 "pricing": {"prompt": "0.000001", "completion": "0.000002"}, "description": "From the stub."}"""
                .formatted(id, name);
    }

    private static String completion() {
        return """
                {"id": "chatcmpl-stub", "object": "chat.completion", "created": 1764028800, "model": "stub",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 5, "completion_tokens": 6, "total_tokens": 11}}""".formatted(REPLY);
    }

    private static void keyed(HttpExchange exchange, java.util.function.Supplier<String> body) throws IOException {
        if (("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 200, body.get());
        } else {
            send(exchange, 401, "{\"error\": {\"message\": \"wrong key\"}}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
