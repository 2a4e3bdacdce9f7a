package dev.marketplace.gateway.domain;

import java.util.Map;

/**
 * A request the gateway answers with an error: the HTTP status, OpenAI's error type, a message for the developer,
 * the request parameter at fault (or null) and extra metadata (OpenRouter's {@code metadata}).
 */
public class GatewayException extends RuntimeException {
    private final int status;
    private final String type;
    private final String param;
    private final Map<String, String> metadata;

    public GatewayException(int status, String type, String message, String param, Map<String, String> metadata) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.metadata = Map.copyOf(metadata);
    }

    public static GatewayException badRequest(String message, String param) {
        return new GatewayException(400, "invalid_request_error", message, param, Map.of());
    }

    public static GatewayException unauthorized(String message) {
        return new GatewayException(401, "authentication_error", message, null, Map.of());
    }

    public static GatewayException insufficientCredit(String message) {
        return new GatewayException(402, "insufficient_quota", message, null, Map.of());
    }

    /** The key's own credit limit, not the developer's credit, is what stops the call (402 as OpenRouter does). */
    public static GatewayException keyLimitReached(String message) {
        return new GatewayException(402, "insufficient_quota", message, null, Map.of("reason", "key_limit"));
    }

    public static GatewayException modelNotFound(String model) {
        return new GatewayException(404, "invalid_request_error", "Model '" + model + "' is not available", "model",
                Map.of());
    }

    public static GatewayException tooLarge(long limitBytes) {
        return new GatewayException(413, "invalid_request_error", "Request body is larger than " + limitBytes + " bytes",
                null, Map.of());
    }

    /** The key's requests-per-minute limit: a 429 with Retry-After. */
    public static GatewayException rateLimited(String message, long retryAfterSeconds) {
        return new GatewayException(429, "rate_limit_error", message, null,
                Map.of("retry_after_seconds", Long.toString(retryAfterSeconds), "reason", "key_rate_limit"));
    }

    /** Every endpoint that could serve the request is at its capacity right now: a 429 with Retry-After. */
    public static GatewayException endpointsAtCapacity(String model, long retryAfterSeconds) {
        return new GatewayException(429, "rate_limit_error", "Every endpoint serving '" + model + "' is at capacity;"
                + " retry in " + retryAfterSeconds + " s", null,
                Map.of("retry_after_seconds", Long.toString(retryAfterSeconds), "reason", "endpoint_capacity"));
    }

    /** No endpoint that could serve the request takes traffic at all (all drained): waiting will not help. */
    public static GatewayException noCapacity(String model) {
        return new GatewayException(503, "server_error", "No endpoint serving '" + model + "' takes traffic now", null,
                Map.of("reason", "endpoint_capacity"));
    }

    /** Too much in flight right now: a 503 the client may retry (the API layer adds Retry-After). */
    public static GatewayException overloaded(String message) {
        return new GatewayException(503, "server_error", message, null, Map.of("retry_after_seconds", "1"));
    }

    /** Every attempt failed and the last one timed out: a 408, as OpenRouter answers a request that timed out. */
    public static GatewayException timedOut(String message, String provider) {
        return new GatewayException(408, "timeout_error", message, null,
                provider == null ? Map.of() : Map.of("provider_name", provider));
    }

    public static GatewayException upstream(int status, String message, String provider) {
        return new GatewayException(status, status >= 500 ? "upstream_error" : "invalid_request_error", message, null,
                provider == null ? Map.of() : Map.of("provider_name", provider));
    }

    public int status() { return status; }
    public String type() { return type; }
    public String param() { return param; }
    public Map<String, String> metadata() { return metadata; }
}
