package dev.marketplace.routing.upstream.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.UpstreamHttp;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An OpenAI-compatible upstream's cached-token usage reaches settlement intact, from a JSON reply and from the usage
 * chunk of a stream: {@code prompt_tokens_details.cached_tokens} (OpenAI) and {@code cache_write_tokens} (OpenRouter).
 */
class OpenAiCachedUsageTest {
    private static final String USAGE = """
            {"prompt_tokens":1200,"completion_tokens":40,"total_tokens":1240,
             "prompt_tokens_details":{"cached_tokens":1024,"cache_write_tokens":100,"audio_tokens":0},
             "completion_tokens_details":{"reasoning_tokens":0}}""";

    private HttpServer server;
    private OpenAiAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            boolean stream = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).contains("\"stream\":true");
            String body = stream
                    ? "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n"
                    + "data: {\"choices\":[],\"usage\":" + USAGE.replace("\n", "") + "}\n\ndata: [DONE]\n\n"
                    : "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[],\"usage\":" + USAGE + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        adapter = new OpenAiAdapter(new UpstreamHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()),
                new Route.Endpoint(1, "openai", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", null, 5_000));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void jsonReplyKeepsTheCachedTokenDetails() throws Exception {
        assertEquals(json(USAGE), adapter.complete(json("{\"model\":\"m\"}")).get("usage"));
    }

    @Test
    void streamReturnsTheUsageChunksCachedTokenDetails() throws Exception {
        List<JsonObject> chunks = new ArrayList<>();
        JsonObject usage = adapter.stream(json("{\"model\":\"m\",\"stream\":true}"), chunks::add);
        assertEquals(json(USAGE), usage);
        assertEquals(2, chunks.size());
    }

    private static JsonObject json(String text) {
        return JsonP.createReader(new StringReader(text)).readObject();
    }
}
