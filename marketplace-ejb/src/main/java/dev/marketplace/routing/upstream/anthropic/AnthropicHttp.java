package dev.marketplace.routing.upstream.anthropic;

import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.UpstreamException;
import dev.marketplace.routing.upstream.SseListener;
import dev.marketplace.routing.upstream.UpstreamHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** POSTs to one endpoint's {@code /messages} with Anthropic's headers, bounded by the endpoint's timeout. */
final class AnthropicHttp {
    static final String API_VERSION = "2023-06-01";

    private final UpstreamHttp http;
    private final Route.Endpoint endpoint;
    private final URI messagesUri;
    private final Map<String, String> headers = new LinkedHashMap<>();

    AnthropicHttp(UpstreamHttp http, Route.Endpoint endpoint) {
        this.http = http;
        this.endpoint = endpoint;
        this.messagesUri = UpstreamHttp.resolve(endpoint.baseUrl(), "messages");
        headers.put("content-type", "application/json");
        headers.put("anthropic-version", API_VERSION);
        if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
            headers.put("x-api-key", endpoint.apiKey());
        }
    }

    UpstreamHttp.Reply post(JsonObject body) throws UpstreamException {
        return http.post(messagesUri, endpoint.operatorTrusted(), headers, body.toString(), endpoint.timeoutMs());
    }

    <T> CompletableFuture<T> stream(JsonObject body, SseListener<T> listener) {
        return http.stream(messagesUri, endpoint.operatorTrusted(), headers, body.toString(), endpoint.timeoutMs(), listener);
    }
}
