package dev.marketplace.routing.upstream.openai;

import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Chat completions against one OpenAI-compatible endpoint, JSON or server-sent events. */
final class OpenAiAdapter implements UpstreamAdapter {
    private static final String DATA = "data:";
    private static final String DONE = "[DONE]";
    static final int MAX_ERROR_BODY_CHARS = 2_000;

    private final HttpClient client;
    private final Route.Endpoint endpoint;
    private final URI completionsUri;

    OpenAiAdapter(HttpClient client, Route.Endpoint endpoint) {
        this.client = client;
        this.endpoint = endpoint;
        String base = endpoint.baseUrl().endsWith("/") ? endpoint.baseUrl() : endpoint.baseUrl() + "/";
        this.completionsUri = URI.create(base + "chat/completions");
    }

    @Override
    public JsonObject complete(JsonObject request) throws UpstreamException {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException(response.statusCode(), errorMessage(response.body()), false, null);
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new UpstreamException(502, "upstream sent a reply that is not JSON", false, e);
        }
    }

    @Override
    public JsonObject stream(JsonObject request, ChunkSink sink) throws UpstreamException, ClientGoneException {
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
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

    private <T> HttpResponse<T> send(JsonObject request, HttpResponse.BodyHandler<T> handler) throws UpstreamException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(completionsUri)
                .timeout(Duration.ofMillis(endpoint.timeoutMs()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8));
        if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        HttpRequest httpRequest = builder.build();
        try {
            try {
                return client.send(httpRequest, handler);
            } catch (IOException stale) {
                if (stale instanceof HttpTimeoutException) {
                    throw stale;
                }
                // A pooled keep-alive connection the upstream had closed: nothing was answered, so one retry is safe.
                return client.send(httpRequest, handler);
            }
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(408, "upstream timed out after " + endpoint.timeoutMs() + " ms", false, e);
        } catch (IOException e) {
            throw new UpstreamException(0, "upstream unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(0, "interrupted while calling upstream", false, e);
        }
    }

    private static JsonObject parseChunk(String data, boolean committed) throws UpstreamException {
        try (JsonReader reader = Json.createReader(new StringReader(data))) {
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
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
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
