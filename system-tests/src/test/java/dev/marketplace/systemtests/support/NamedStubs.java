package dev.marketplace.systemtests.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Many OpenAI-compatible stub endpoints on one port ({@link #PORT}), told apart by the first path segment:
 * {@code http://127.0.0.1:18199/<name>/v1} (test-seed.json lists them). Each records every request body it gets
 * (so tests can see exactly what reached the upstream) and answers chat completions, legacy completions (JSON or
 * SSE) and embeddings with "served by &lt;name&gt;" and usage 12 + 11 tokens. Behaviour by name: {@code cheap-slow}
 * waits 400 ms, {@code capped1} and {@code solo} 1.5 s, {@code sleepy} 3 s (past its 1 s timeout), {@code overrun}
 * reports 500 completion tokens whatever the cap; a request with tools gets a tool call back unless its last message
 * is a tool result, which is echoed.
 */
public final class NamedStubs implements AutoCloseable {
    public static final int PORT = 18199;
    public static final String TOOL_NAME = "get_weather";
    private static final Map<String, List<JsonObject>> REQUESTS = new ConcurrentHashMap<>();
    private static final Map<String, Long> DELAY_MS = Map.of("cheap-slow", 400L, "capped1", 1_500L, "solo", 1_500L,
            "sleepy", 3_000L);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    private NamedStubs(HttpServer server) {
        this.server = server;
    }

    public static NamedStubs start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 64);
        NamedStubs stubs = new NamedStubs(server);
        server.setExecutor(stubs.executor);
        server.createContext("/", stubs::handle);
        server.start();
        return stubs;
    }

    /** Bodies the named endpoint received for this path (e.g. "chat/completions"), oldest first. */
    public static List<JsonObject> requests(String name, String path) {
        return List.copyOf(REQUESTS.getOrDefault(name + " " + path, List.of()));
    }

    public static JsonObject lastRequest(String name, String path) {
        List<JsonObject> all = requests(name, path);
        if (all.isEmpty()) {
            throw new AssertionError("stub '" + name + "' received no " + path + " request");
        }
        return all.get(all.size() - 1);
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/", 4); // "", name, "v1", operation path
            if (parts.length < 4) {
                send(exchange, 404, "{\"error\":{\"message\":\"no such stub path\"}}");
                return;
            }
            String name = parts[1];
            String path = parts[3];
            JsonObject body = Http.json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            REQUESTS.computeIfAbsent(name + " " + path, k -> new CopyOnWriteArrayList<>()).add(body);
            Thread.sleep(DELAY_MS.getOrDefault(name, 0L));
            long completion = "overrun".equals(name) ? 500 : 11;
            switch (path) {
                case "chat/completions" -> chat(exchange, name, body, completion);
                case "completions" -> text(exchange, name, body, completion);
                case "embeddings" -> send(exchange, 200, embeddings(body).toString());
                default -> send(exchange, 404, "{\"error\":{\"message\":\"unknown operation\"}}");
            }
        } catch (IOException | RuntimeException e) {
            // the gateway may hang up on purpose (timeouts); nothing to answer then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void chat(HttpExchange exchange, String name, JsonObject body, long completion) throws IOException {
        JsonObjectBuilder message = Json.createObjectBuilder().add("role", "assistant");
        String finish = "stop";
        JsonArray messages = body.getJsonArray("messages");
        JsonObject lastMessage = messages.getJsonObject(messages.size() - 1);
        if (body.containsKey("tools") && !"tool".equals(lastMessage.getString("role", ""))) {
            message.addNull("content").add("tool_calls", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("id", "call_1").add("type", "function").add("function", Json.createObjectBuilder()
                            .add("name", TOOL_NAME).add("arguments", "{\"city\":\"Paris\"}"))));
            finish = "tool_calls";
        } else if ("tool".equals(lastMessage.getString("role", ""))) {
            message.add("content", "tool said: " + lastMessage.getString("content", ""));
        } else {
            message.add("content", "served by " + name);
        }
        if (body.getBoolean("stream", false)) {
            stream(exchange, "chat.completion.chunk", Json.createObjectBuilder().add("index", 0)
                    .add("delta", Json.createObjectBuilder().add("content", "served by " + name)).addNull("finish_reason")
                    .build(), completion);
            return;
        }
        send(exchange, 200, Json.createObjectBuilder().add("id", "stub-" + name).add("object", "chat.completion")
                .add("created", 1).add("model", body.getString("model", ""))
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", message).add("finish_reason", finish)))
                .add("usage", usage(completion)).build().toString());
    }

    private static void text(HttpExchange exchange, String name, JsonObject body, long completion) throws IOException {
        if (body.getBoolean("stream", false)) {
            stream(exchange, "text_completion", Json.createObjectBuilder().add("index", 0).add("text", "served by " + name)
                    .addNull("logprobs").addNull("finish_reason").build(), completion);
            return;
        }
        send(exchange, 200, Json.createObjectBuilder().add("id", "stub-" + name).add("object", "text_completion")
                .add("created", 1).add("model", body.getString("model", ""))
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("text", "served by " + name).addNull("logprobs").add("finish_reason", "stop")))
                .add("usage", usage(completion)).build().toString());
    }

    /** One content chunk, a finish chunk, a usage chunk, [DONE]. */
    private static void stream(HttpExchange exchange, String object, JsonObject choice, long completion) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        JsonObject base = Json.createObjectBuilder().add("id", "stub").add("object", object).add("created", 1)
                .add("model", "stub").build();
        event(out, Json.createObjectBuilder(base).add("choices", Json.createArrayBuilder().add(choice)).build().toString());
        JsonObjectBuilder finish = Json.createObjectBuilder(choice).add("finish_reason", "stop");
        if (choice.containsKey("delta")) {
            finish.add("delta", JsonValue.EMPTY_JSON_OBJECT);
        } else {
            finish.add("text", "");
        }
        event(out, Json.createObjectBuilder(base).add("choices", Json.createArrayBuilder().add(finish)).build().toString());
        event(out, Json.createObjectBuilder(base).add("choices", JsonValue.EMPTY_JSON_ARRAY).add("usage", usage(completion))
                .build().toString());
        event(out, "[DONE]");
    }

    private static JsonObject embeddings(JsonObject body) {
        int dimensions = body.get("dimensions") instanceof JsonNumber d ? d.intValue() : 4;
        int items = body.get("input") instanceof JsonArray a && !(a.get(0) instanceof JsonNumber) ? a.size() : 1;
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < items; i++) {
            JsonArrayBuilder vector = Json.createArrayBuilder();
            for (int d = 0; d < dimensions; d++) {
                vector.add(d == i % dimensions ? 1.0 : 0.0);
            }
            data.add(Json.createObjectBuilder().add("object", "embedding").add("index", i).add("embedding", vector));
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).add("model", "stub-embed")
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 7).add("total_tokens", 7)).build();
    }

    private static JsonObject usage(long completion) {
        return Json.createObjectBuilder().add("prompt_tokens", 12).add("completion_tokens", completion)
                .add("total_tokens", 12 + completion).build();
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
