package dev.marketplace.systemtests.probe;

import static dev.marketplace.systemtests.support.StubUpstreams.chunk;
import static dev.marketplace.systemtests.support.StubUpstreams.event;
import static dev.marketplace.systemtests.support.StubUpstreams.send;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * OpenAI-compatible upstreams for the probe tests, on this helper's ports: HONEST reports the usage cl100k_base counts
 * (OpenAI's chat framing: 3 tokens per message and 3 for the reply), LYING reports three times that, BREAKS answers
 * honestly but cuts its stream after two chunks (no [DONE]), DOWN answers 503 to everything.
 */
public final class ProbeStubs implements AutoCloseable {
    static final int HONEST_PORT = 18230;
    static final int LYING_PORT = 18231;
    static final int BREAKS_PORT = 18232;
    static final int DOWN_PORT = 18233;
    public static final String REPLY = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
            + " fifteen sixteen seventeen eighteen nineteen twenty";
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();

    static ProbeStubs start() throws IOException {
        ProbeStubs stubs = new ProbeStubs();
        stubs.serve(HONEST_PORT, 1, false, false);
        stubs.serve(LYING_PORT, 3, false, false);
        stubs.serve(BREAKS_PORT, 1, true, false);
        stubs.serve(DOWN_PORT, 1, false, true);
        return stubs;
    }

    /**
     * One honest upstream on {@code port} that also serves {@code modelsDocument} at {@code /v1/models} (a provider's
     * List Models URL), for tests that import, probe and call one endpoint.
     */
    public static ProbeStubs honestWithModels(int port, String modelsDocument) throws IOException {
        ProbeStubs stubs = new ProbeStubs();
        stubs.serve(port, 1, false, false);
        stubs.servers.get(0).createContext("/v1/models", exchange -> {
            try (exchange) {
                send(exchange, 200, "application/json", modelsDocument);
            }
        });
        return stubs;
    }

    static String baseUrl(int port) {
        return "http://127.0.0.1:" + port + "/v1";
    }

    private void serve(int port, int usageFactor, boolean breaks, boolean down) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                JsonObject request = Json.createReader(new StringReader(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
                if (down) {
                    send(exchange, 503, "application/json", "{\"error\":{\"message\":\"stub is down\"}}");
                    return;
                }
                long prompt = promptTokens(request) * usageFactor;
                long completion = (long) CL100K.countTokens(REPLY) * usageFactor;
                String usage = "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                        + ",\"total_tokens\":" + (prompt + completion) + "}";
                if (request.getBoolean("stream", false)) {
                    stream(exchange, usage, breaks);
                } else {
                    send(exchange, 200, "application/json", "{\"id\":\"probe-stub\",\"object\":\"chat.completion\","
                            + "\"created\":1,\"model\":\"stub\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                            + "\"assistant\",\"content\":\"" + REPLY + "\"},\"finish_reason\":\"stop\"}],\"usage\":"
                            + usage + "}");
                }
            } catch (IOException | RuntimeException e) {
                // the gateway may hang up; nothing to answer then
            }
        });
        server.start();
        servers.add(server);
        executors.add(executor);
    }

    /** OpenAI's accounting for chat: 3 for the reply's priming, and per message 3 plus its content. */
    static long promptTokens(JsonObject request) {
        long total = 3;
        for (JsonValue m : request.getJsonArray("messages")) {
            total += 3 + CL100K.countTokens(m.asJsonObject().getString("content", ""));
        }
        return total;
    }

    private static void stream(HttpExchange exchange, String usage, boolean breaks) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int half = REPLY.indexOf(" eleven");
        event(out, chunk(REPLY.substring(0, half), null));
        event(out, chunk(REPLY.substring(half), null));
        if (breaks) {
            return; // the connection closes: no finish reason, no usage, no [DONE]
        }
        event(out, chunk(null, "stop"));
        event(out, "{\"id\":\"probe-stub\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                + "\"choices\":[],\"usage\":" + usage + "}");
        event(out, "[DONE]");
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executors.forEach(ExecutorService::shutdownNow);
    }
}
