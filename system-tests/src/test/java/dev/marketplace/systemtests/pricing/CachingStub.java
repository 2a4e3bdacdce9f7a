package dev.marketplace.systemtests.pricing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marketplace.systemtests.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Upstreams on port {@link #PORT} (test-seed.json's {@code pricing-stub} provider) whose usage the tests can predict:
 * the prompt is as many tokens as the request's message texts have words, the completion always
 * {@link #COMPLETION_TOKENS}. {@code /openai/v1} (OpenAI-compatible) reports half the prompt (rounded down) as read
 * from its cache ({@code prompt_tokens_details.cached_tokens}) and a quarter as written
 * ({@code cache_write_tokens}); {@code /anthropic/v1} (Messages API) the same as {@code cache_read_input_tokens} and
 * {@code cache_creation_input_tokens}; {@code /plain/v1} caches nothing. JSON or SSE, as asked.
 */
final class CachingStub implements AutoCloseable {
    static final int PORT = 18260;
    static final int COMPLETION_TOKENS = 11;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private CachingStub(HttpServer server) {
        this.server = server;
    }

    static CachingStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 32);
        CachingStub stub = new CachingStub(server);
        server.setExecutor(stub.executor);
        server.createContext("/openai/v1/chat/completions", e -> stub.openAi(e, true));
        server.createContext("/plain/v1/chat/completions", e -> stub.openAi(e, false));
        server.createContext("/anthropic/v1/messages", stub::anthropic);
        server.start();
        return stub;
    }

    /** The usage this stub reports for a prompt of this many words. */
    record Usage(long prompt, long read, long write, long completion) {
        static Usage of(long words, boolean caches) {
            return new Usage(words, caches ? words / 2 : 0, caches ? words / 4 : 0, COMPLETION_TOKENS);
        }
    }

    private void openAi(HttpExchange exchange, boolean caches) throws IOException {
        try (exchange) {
            JsonObject body = Http.json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            long words = 0;
            for (JsonValue m : body.getJsonArray("messages")) {
                words += words(m.asJsonObject().get("content"));
            }
            Usage u = Usage.of(words, caches);
            JsonObject usage = Json.createObjectBuilder().add("prompt_tokens", u.prompt())
                    .add("completion_tokens", u.completion()).add("total_tokens", u.prompt() + u.completion())
                    .add("prompt_tokens_details", Json.createObjectBuilder().add("cached_tokens", u.read())
                            .add("cache_write_tokens", u.write()).add("audio_tokens", 0))
                    .build();
            if (body.getBoolean("stream", false)) {
                startStream(exchange);
                OutputStream out = exchange.getResponseBody();
                event(out, null, "{\"id\":\"up\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"cached reply\"},\"finish_reason\":null}]}");
                event(out, null, "{\"id\":\"up\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
                event(out, null, "{\"id\":\"up\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[],\"usage\":" + usage + "}");
                event(out, null, "[DONE]");
                return;
            }
            send(exchange, Json.createObjectBuilder().add("id", "up").add("object", "chat.completion").add("created", 1)
                    .add("model", "m").add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("index", 0).add("message", Json.createObjectBuilder().add("role", "assistant")
                                    .add("content", "cached reply")).add("finish_reason", "stop")))
                    .add("usage", usage).build().toString());
        }
    }

    private void anthropic(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonObject body = Http.json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            long words = words(body.get("system"));
            for (JsonValue m : body.getJsonArray("messages")) {
                words += words(m.asJsonObject().get("content"));
            }
            Usage u = Usage.of(words, true);
            String inputUsage = "\"input_tokens\":" + (u.prompt() - u.read() - u.write())
                    + ",\"cache_creation_input_tokens\":" + u.write() + ",\"cache_read_input_tokens\":" + u.read();
            if (body.getBoolean("stream", false)) {
                startStream(exchange);
                OutputStream out = exchange.getResponseBody();
                event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_stub\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"content\":[],\"model\":\"m\",\"stop_reason\":null,"
                        + "\"usage\":{" + inputUsage + ",\"output_tokens\":1}}}");
                event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"cached reply\"}}");
                event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                        + "\"usage\":{\"output_tokens\":" + u.completion() + "}}");
                event(out, "message_stop", "{\"type\":\"message_stop\"}");
                return;
            }
            send(exchange, "{\"id\":\"msg_stub\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"cached reply\"}],\"stop_reason\":\"end_turn\","
                    + "\"usage\":{" + inputUsage + ",\"output_tokens\":" + u.completion() + "}}");
        }
    }

    /** Words of a message's content: a string, or Anthropic's and OpenAI's text parts. */
    private static long words(JsonValue content) {
        if (content instanceof JsonString s) {
            String text = s.getString().strip();
            return text.isEmpty() ? 0 : text.split("\\s+").length;
        }
        long words = 0;
        if (content != null && content.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue part : content.asJsonArray()) {
                if (part instanceof JsonObject p) {
                    words += words(p.get("text"));
                }
            }
        }
        return words;
    }

    private static void startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(((name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
