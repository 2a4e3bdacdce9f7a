package dev.marketplace.api.errors;

import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/** Builds the error body every failing API call answers with. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static JsonObject body(GatewayException e) {
        return body(e.status(), e.type(), e.getMessage(), e.param(), e.metadata());
    }

    public static JsonObject body(int status, String type, String message, String param, Map<String, String> metadata) {
        JsonObjectBuilder meta = JsonP.createObjectBuilder();
        metadata.forEach(meta::add);
        return JsonP.createObjectBuilder().add("error", JsonP.createObjectBuilder()
                .add("message", message == null ? "" : message)
                .add("type", type)
                .add("code", status)
                .add("param", param == null ? JsonValue.NULL : JsonP.createValue(param))
                .add("metadata", meta)).build();
    }

    /** OpenAI's error type for a status that has no more specific one. */
    public static String typeFor(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "insufficient_quota";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
