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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** Chat completions, legacy completions and embeddings against one OpenAI-compatible endpoint, JSON or SSE. */
final class OpenAiAdapter implements UpstreamAdapter {
    private static final String DATA = "data:";
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
    public JsonObject stream(JsonObject request, ChunkSink sink) throws UpstreamException, ClientGoneException {
        return streamCall(Operation.CHAT_COMPLETIONS, request, sink);
    }

    /** Chat completions, legacy completions and embeddings: the same JSON exchange on their own paths. */
    @Override
    public JsonObject call(Operation operation, JsonObject request) throws UpstreamException {
        HttpResponse<String> response = send(operation, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException(response.statusCode(), errorMessage(response.body()), false, null);
        }
        try (JsonReader reader = JsonP.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new UpstreamException(502, "upstream sent a reply that is not JSON", false, e);
        }
    }

    @Override
    public JsonObject streamCall(Operation operation, JsonObject request, ChunkSink sink)
            throws UpstreamException, ClientGoneException {
        HttpResponse<InputStream> response = send(operation, request, HttpResponse.BodyHandlers.ofInputStream());
        boolean committed = false;
        JsonObject usage = null;
        try (InputStream body = response.body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (response.statusCode() / 100 != 2) {
                throw new UpstreamException(response.statusCode(), errorMessage(readSome(lines)), false, null);
            }
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith(DATA)) {
                    continue; // blank separators, comments, event names
                }
                String data = line.substring(DATA.length()).strip();
                if (DONE.equals(data)) {
                    return usage;
                }
                JsonObject chunk = parseChunk(data, committed);
                if (chunk.containsKey("error")) {
                    throw new UpstreamException(502, errorMessage(data), committed, null);
                }
                if (chunk.containsKey("usage") && chunk.get("usage").getValueType() == jakarta.json.JsonValue.ValueType.OBJECT) {
                    usage = chunk.getJsonObject("usage");
                }
                sink.accept(chunk);
                committed = true;
            }
            throw new UpstreamException(502, "upstream stream ended without [DONE]", committed, null);
        } catch (IOException e) {
            throw new UpstreamException(0, "upstream stream broke: " + e.getMessage(), committed, e);
        }
    }

    private <T> HttpResponse<T> send(Operation operation, JsonObject request, HttpResponse.BodyHandler<T> handler)
            throws UpstreamException {
        return http.post(uris.get(operation), headers, request.toString(), endpoint.timeoutMs(), handler);
    }

    private static JsonObject parseChunk(String data, boolean committed) throws UpstreamException {
        try (JsonReader reader = JsonP.createReader(new StringReader(data))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new UpstreamException(502, "upstream sent a chunk that is not JSON", committed, e);
        }
    }

    private static String readSome(BufferedReader lines) throws IOException {
        char[] buffer = new char[MAX_ERROR_BODY_CHARS];
        int n = lines.read(buffer);
        return n <= 0 ? "" : new String(buffer, 0, n);
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
}
