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
 * Parses the two OpenAI operations whose input is a prompt rather than messages: legacy text completions
 * ({@code prompt}) and embeddings ({@code input}). Both take a string, an array of strings, an array of token ids or
 * an array of token-id arrays, at most {@link #MAX_ITEMS} items (OpenAI's limit).
 */
final class PromptRequests {
    static final int MAX_ITEMS = 2048;
    static final int MAX_DIMENSIONS = 65_536;

    private PromptRequests() {
    }

    static ChatRequest completion(JsonObject json) {
        String model = ChatRequest.modelSlug(json);
        Prompt prompt = prompt(json, "prompt");
        RoutingPreferences routing = RoutingRequest.parse(json, model);
        boolean stream = json.get("stream") == JsonValue.TRUE;
        return new ChatRequest(json, routing.models().get(0), stream, ChatRequest.tokenCap(json, "max_tokens"),
                "max_tokens", prompt.texts(), routing, Operation.COMPLETIONS, prompt.tokenIds(),
                ChatRequest.metadata(json.get("metadata")));
    }

    static ChatRequest embedding(JsonObject json) {
        String model = ChatRequest.modelSlug(json);
        Prompt input = prompt(json, "input");
        if (json.get("stream") == JsonValue.TRUE) {
            throw GatewayException.badRequest("embeddings do not stream", "stream");
        }
        JsonValue format = json.get("encoding_format");
        if (format != null && format != JsonValue.NULL && !(format instanceof JsonString f
                && ("float".equals(f.getString()) || "base64".equals(f.getString())))) {
            throw GatewayException.badRequest("'encoding_format' must be \"float\" or \"base64\"", "encoding_format");
        }
        JsonValue dimensions = json.get("dimensions");
        if (dimensions != null && dimensions != JsonValue.NULL && !(dimensions instanceof JsonNumber d && d.isIntegral()
                && d.longValue() >= 1 && d.longValue() <= MAX_DIMENSIONS)) {
            throw GatewayException.badRequest("'dimensions' must be a positive integer", "dimensions");
        }
        RoutingPreferences routing = RoutingRequest.parse(json, model);
        return new ChatRequest(json, routing.models().get(0), false, 0, null, input.texts(), routing,
                Operation.EMBEDDINGS, input.tokenIds(), ChatRequest.metadata(json.get("metadata")));
    }

    /** The texts of a prompt and the number of its pre-tokenized tokens. */
    record Prompt(List<String> texts, int tokenIds) {
    }

    static Prompt prompt(JsonObject json, String field) {
        JsonValue value = json.get(field);
        String shape = "'" + field + "' must be a string, an array of strings, an array of token ids or an array of"
                + " token-id arrays";
        if (value instanceof JsonString s) {
            return new Prompt(List.of(s.getString()), 0);
        }
        if (!(value instanceof JsonArray items) || items.isEmpty()) {
            throw GatewayException.badRequest(shape, field);
        }
        if (items.size() > MAX_ITEMS) {
            throw GatewayException.badRequest("'" + field + "' holds at most " + MAX_ITEMS + " items", field);
        }
        List<String> texts = new ArrayList<>();
        int tokenIds = 0;
        JsonValue.ValueType kind = items.get(0).getValueType();
        for (JsonValue item : items) {
            if (item.getValueType() != kind) {
                throw GatewayException.badRequest(shape, field);
            }
            if (item instanceof JsonString s) {
                texts.add(s.getString());
            } else if (item instanceof JsonNumber) {
                tokenIds = Math.addExact(tokenIds, tokenId(item, shape, field));
            } else if (item instanceof JsonArray ids && !ids.isEmpty()) {
                for (JsonValue id : ids) {
                    tokenIds = Math.addExact(tokenIds, tokenId(id, shape, field));
                }
            } else {
                throw GatewayException.badRequest(shape, field);
            }
        }
        return new Prompt(List.copyOf(texts), tokenIds);
    }

    /** 1 for a valid token id (a non-negative integer), else a 400. */
    private static int tokenId(JsonValue id, String shape, String field) {
        if (!(id instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
            throw GatewayException.badRequest(shape, field);
        }
        return 1;
    }
}
