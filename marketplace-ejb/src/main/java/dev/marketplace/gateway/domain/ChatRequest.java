package dev.marketplace.gateway.domain;

import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.RoutingPreferences;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * An inference request as the gateway needs to see it: the operation (chat completions, legacy completions or
 * embeddings), the model asked for, whether to stream, the token cap the client set (0 = none; embeddings have
 * none) and the texts of its messages, prompts or inputs plus the count of pre-tokenized prompt tokens (for the
 * prompt estimate), and its {@code metadata} object as JSON text (null when absent; stored on the usage record for
 * the developer's activity breakdowns). The original JSON is kept whole so that every other parameter passes
 * through untouched.
 */
public record ChatRequest(JsonObject json, String model, boolean stream, int maxTokens, String maxTokensField,
                          List<String> messageTexts, RoutingPreferences routing, Operation operation,
                          int promptTokenIds, String metadataJson) {

    /** OpenAI's bounds on {@code metadata}: at most 16 pairs, keys up to 64 characters, string values up to 512. */
    public static final int MAX_METADATA_PAIRS = 16;
    public static final int MAX_METADATA_KEY_LENGTH = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 512;

    /** A chat-completions request; see {@link PromptRequests} for legacy completions and embeddings. */
    public ChatRequest(JsonObject json, String model, boolean stream, int maxTokens, String maxTokensField,
                       List<String> messageTexts, RoutingPreferences routing) {
        this(json, model, stream, maxTokens, maxTokensField, messageTexts, routing, Operation.CHAT_COMPLETIONS, 0, null);
    }

    /** Parses a request of the given operation ({@code POST /chat/completions}, {@code /completions}, {@code /embeddings}). */
    public static ChatRequest parse(Operation operation, JsonObject json) {
        return switch (operation) {
            case CHAT_COMPLETIONS -> parse(json);
            case COMPLETIONS -> PromptRequests.completion(json);
            case EMBEDDINGS -> PromptRequests.embedding(json);
        };
    }

    /** The model slug, or null when only a {@code models} list names them; a 400 when neither is usable. */
    static String modelSlug(JsonObject json) {
        JsonValue model = json.get("model");
        boolean hasModels = json.get("models") instanceof JsonArray list && !list.isEmpty();
        String modelSlug = model instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
        if (modelSlug == null && (!hasModels || (model != null && model != JsonValue.NULL))) {
            throw GatewayException.badRequest("'model' is required and must be a string such as \"sim/echo-1\"", "model");
        }
        return modelSlug;
    }

    public static ChatRequest parse(JsonObject json) {
        String modelSlug = modelSlug(json);
        JsonValue messages = json.get("messages");
        if (!(messages instanceof JsonArray array) || array.isEmpty()) {
            throw GatewayException.badRequest("'messages' is required and must be a non-empty array", "messages");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (JsonValue message : array) {
            if (!(message instanceof JsonObject m) || !(m.get("role") instanceof JsonString)) {
                throw GatewayException.badRequest("each message must be an object with a 'role'", "messages");
            }
            texts.add(text(m.get("content")));
        }
        boolean stream = json.get("stream") == JsonValue.TRUE;
        String field = json.containsKey("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        RoutingPreferences routing = RoutingRequest.parse(json, modelSlug);
        return new ChatRequest(json, routing.models().get(0), stream, tokenCap(json, field), field, List.copyOf(texts),
                routing, Operation.CHAT_COMPLETIONS, 0, metadata(json.get("metadata")));
    }

    /** The metadata object as compact JSON, within OpenAI's bounds; null (and nothing allocated) when absent. */
    static String metadata(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject pairs) || pairs.size() > MAX_METADATA_PAIRS) {
            throw GatewayException.badRequest("'metadata' must be an object of at most " + MAX_METADATA_PAIRS
                    + " string values", "metadata");
        }
        for (var pair : pairs.entrySet()) {
            if (pair.getKey().length() > MAX_METADATA_KEY_LENGTH || !(pair.getValue() instanceof JsonString v)
                    || v.getString().length() > MAX_METADATA_VALUE_LENGTH) {
                throw GatewayException.badRequest("each 'metadata' key is at most " + MAX_METADATA_KEY_LENGTH
                        + " characters and each value a string of at most " + MAX_METADATA_VALUE_LENGTH, "metadata");
            }
        }
        return pairs.isEmpty() ? null : pairs.toString();
    }

    static int tokenCap(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return 0;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1 || n.longValue() > Integer.MAX_VALUE) {
            throw GatewayException.badRequest("'" + field + "' must be a positive integer", field);
        }
        return n.intValue();
    }

    /** The text of a message's content: a string, or the text parts of an array of parts. */
    private static String text(JsonValue content) {
        if (content instanceof JsonString s) {
            return s.getString();
        }
        if (content instanceof JsonArray parts) {
            StringBuilder out = new StringBuilder();
            for (JsonValue part : parts) {
                if (part instanceof JsonObject p && p.get("text") instanceof JsonString t) {
                    out.append(t.getString()).append('\n');
                }
            }
            return out.toString();
        }
        return "";
    }
}
