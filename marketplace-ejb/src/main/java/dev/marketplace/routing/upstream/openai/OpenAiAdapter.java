package dev.marketplace.routing.upstream.openai;

import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamException;
import dev.marketplace.routing.upstream.UpstreamHttp;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import dev.marketplace.routing.upstream.SseListener;
import java.io.StringReader;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Chat completions, legacy completions and embeddings against one OpenAI-compatible endpoint, JSON or SSE. */
final class OpenAiAdapter implements UpstreamAdapter {
    private static final String DONE = "[DONE]";
    static final int MAX_ERROR_BODY_CHARS = 2_000;

    private final UpstreamHttp http;
    private final Route.Endpoint endpoint;
    private final Map<Operation, URI> uris = new EnumMap<>(Operation.class);
    private final Map<String, String> headers;

    OpenAiAdapter(UpstreamHttp http, Route.Endpoint endpoint) {
        this.http = http;
        this.endpoint = endpoint;
        for (Operation operation : Operation.values()) {
            uris.put(operation, UpstreamHttp.resolve(endpoint.baseUrl(), operation.path()));
        }
        this.headers = endpoint.apiKey() == null || endpoint.apiKey().isBlank()
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + endpoint.apiKey());
    }

    @Override
    public JsonObject complete(JsonObject request) throws UpstreamException {
        return call(Operation.CHAT_COMPLETIONS, request);
    }

    @Override
    public CompletableFuture<JsonObject> streamAsync(JsonObject request, ChunkSink sink) {
        return streamCallAsync(Operation.CHAT_COMPLETIONS, request, sink);
    }

    /** Chat completions, legacy completions and embeddings: the same JSON exchange on their own paths. */
    @Override
    public JsonObject call(Operation operation, JsonObject request) throws UpstreamException {
        UpstreamHttp.Reply response = http.post(uris.get(operation), endpoint.operatorTrusted(), headers, request.toString(), endpoint.timeoutMs());
        if (response.status() / 100 != 2) {
            throw new UpstreamException(response.status(), errorMessage(response.body()), false, null);
        }
        try (JsonReader reader = JsonP.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new UpstreamException(502, "upstream sent a reply that is not JSON", false, e);
        }
    }

    @Override
    public CompletableFuture<JsonObject> streamCallAsync(Operation operation, JsonObject request, ChunkSink sink) {
        return http.stream(uris.get(operation), endpoint.operatorTrusted(), headers, request.toString(), endpoint.timeoutMs(), new Events(sink));
    }

    private static JsonObject parseChunk(String data, boolean committed) throws UpstreamException {
        try (JsonReader reader = JsonP.createReader(new StringReader(data))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new UpstreamException(502, "upstream sent a chunk that is not JSON", committed, e);
        }
    }

    /** The upstream's own error message when it sent one in OpenAI's shape, else a bounded excerpt. */
    static String errorMessage(String body) {
        try (JsonReader reader = JsonP.createReader(new StringReader(body))) {
            JsonObject error = reader.readObject().getJsonObject("error");
            if (error != null && error.containsKey("message")) {
                return error.getString("message", "upstream error");
            }
        } catch (JsonException | ClassCastException e) {
            // not JSON in OpenAI's shape: fall through to the excerpt
        }
        return body.length() > MAX_ERROR_BODY_CHARS ? body.substring(0, MAX_ERROR_BODY_CHARS) : body;
    }

    /** OpenAI's events: one chunk each, {@code [DONE]} at the end, usage in a chunk of its own when asked for. */
    private static final class Events implements SseListener<JsonObject> {
        private final ChunkSink sink;
        private volatile boolean committed;
        private JsonObject usage;

        Events(ChunkSink sink) {
            this.sink = sink;
        }

        @Override
        public boolean event(String data) throws UpstreamException, ClientGoneException {
            String payload = data.strip();
            if (DONE.equals(payload)) {
                return true;
            }
            JsonObject chunk = parseChunk(payload, committed);
            if (chunk.containsKey("error")) {
                throw new UpstreamException(502, errorMessage(payload), committed, null);
            }
            if (chunk.get("usage") instanceof JsonObject u) {
                usage = u;
            }
            sink.accept(chunk);
            committed = true;
            return false;
        }

        @Override
        public JsonObject result() {
            return usage;
        }

        @Override
        public boolean committed() {
            return committed;
        }

        @Override
        public UpstreamException refused(int status, String body) {
            return new UpstreamException(status, errorMessage(body), false, null);
        }

        @Override
        public UpstreamException endedEarly() {
            return new UpstreamException(502, "upstream stream ended without [DONE]", committed, null);
        }

        @Override
        public void whenReady(Runnable resume) {
            sink.whenReady(resume);
        }
    }
}
