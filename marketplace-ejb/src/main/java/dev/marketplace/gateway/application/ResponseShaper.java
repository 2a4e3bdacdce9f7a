package dev.marketplace.gateway.application;

import dev.marketplace.billing.money.Money;
import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/**
 * What the client sees of an upstream reply: our generation id, the model as the client named it, the provider
 * that served it, and usage with its cost in USD. Everything else passes through unchanged.
 */
final class ResponseShaper {
    private static final String[] MARKETPLACE_ONLY_FIELDS = {"models", "provider", "route", "transforms", "usage"};

    private ResponseShaper() {
    }

    /** The request as the upstream gets it: its own model name, the output cap, usage asked for when streaming. */
    static JsonObject upstreamRequest(Call call, Route route) {
        JsonObjectBuilder b = JsonP.createObjectBuilder(call.request().json());
        for (String field : MARKETPLACE_ONLY_FIELDS) {
            b.remove(field);
        }
        b.add("model", route.upstreamModel());
        if (call.request().maxTokensField() != null) { // embeddings have no output to cap
            b.add(call.request().maxTokensField(), call.maxTokens());
        }
        if (call.stream()) {
            b.add("stream_options", JsonP.createObjectBuilder().add("include_usage", true));
        }
        return b.build();
    }

    static JsonObject reply(JsonObject upstream, Call call, Route route, Metered m) {
        return JsonP.createObjectBuilder(upstream)
                .add("id", call.generationId())
                .add("model", route.modelSlug())
                .add("provider", route.providerName())
                .add("usage", usage(upstream.get("usage"), m))
                .build();
    }

    /**
     * {@link #chunk} written straight to text, without copying the upstream's object into a builder first: this
     * runs once per streamed chunk. Our id first, the upstream's other fields in their order, then model and provider.
     */
    static String chunkText(JsonObject upstream, Call call, Route route) {
        StringWriter text = new StringWriter(64 + upstream.size() * 32);
        try (JsonGenerator out = JsonP.createGenerator(text)) {
            out.writeStartObject();
            out.write("id", call.generationId());
            for (Map.Entry<String, JsonValue> field : upstream.entrySet()) {
                switch (field.getKey()) {
                    case "id", "model", "provider" -> {
                        // ours instead
                    }
                    default -> out.write(field.getKey(), field.getValue());
                }
            }
            out.write("model", route.modelSlug());
            out.write("provider", route.providerName());
            out.writeEnd();
        }
        return text.toString();
    }

    static JsonObject chunk(JsonObject upstream, Call call, Route route) {
        return JsonP.createObjectBuilder(upstream)
                .add("id", call.generationId())
                .add("model", route.modelSlug())
                .add("provider", route.providerName())
                .build();
    }

    /** The final chunk carrying usage: the upstream's own usage chunk if it sent one, else a new one. */
    static JsonObject usageChunk(JsonObject upstreamUsageChunk, Call call, Route route, Metered m) {
        JsonObject base = upstreamUsageChunk != null ? upstreamUsageChunk : JsonP.createObjectBuilder()
                .add("object", call.request().operation() == Operation.COMPLETIONS ? "text_completion" : "chat.completion.chunk")
                .add("created", System.currentTimeMillis() / 1000)
                .add("choices", JsonValue.EMPTY_JSON_ARRAY)
                .build();
        return JsonP.createObjectBuilder(chunk(base, call, route)).add("usage", usage(base.get("usage"), m)).build();
    }

    static JsonObject errorChunk(Call call, Route route, String message) {
        return JsonP.createObjectBuilder()
                .add("id", call.generationId())
                .add("object", "chat.completion.chunk")
                .add("created", System.currentTimeMillis() / 1000)
                .add("model", route.modelSlug())
                .add("provider", route.providerName())
                .add("error", JsonP.createObjectBuilder().add("message", message).add("code", 502))
                .add("choices", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                        .add("index", 0).add("delta", JsonValue.EMPTY_JSON_OBJECT).add("finish_reason", "error")))
                .build();
    }

    /**
     * The text a chunk delivers (delta content of its choices; {@code text} for legacy completions), for counting
     * when the upstream reports no usage.
     */
    static String deltaText(JsonObject chunk) {
        if (!(chunk.get("choices") instanceof JsonArray choices)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonValue choice : choices) {
            if (choice instanceof JsonObject c && c.get("delta") instanceof JsonObject d
                    && d.get("content") instanceof JsonString s) {
                out.append(s.getString());
            } else if (choice instanceof JsonObject c && c.get("text") instanceof JsonString t) {
                out.append(t.getString());
            }
        }
        return out.toString();
    }

    /** The reply's message text (or legacy completion text), for counting when the upstream reports no usage. */
    static String messageText(JsonObject reply) {
        if (!(reply.get("choices") instanceof JsonArray choices)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonValue choice : choices) {
            if (choice instanceof JsonObject c && c.get("message") instanceof JsonObject msg
                    && msg.get("content") instanceof JsonString s) {
                out.append(s.getString());
            } else if (choice instanceof JsonObject c && c.get("text") instanceof JsonString t) {
                out.append(t.getString());
            }
        }
        return out.toString();
    }

    static String finishReason(JsonObject replyOrChunk) {
        if (replyOrChunk.get("choices") instanceof JsonArray choices && !choices.isEmpty()
                && choices.get(0) instanceof JsonObject c && c.get("finish_reason") instanceof JsonString s) {
            return s.getString();
        }
        return null;
    }

    /**
     * OpenRouter's usage: the billed token counts, {@code prompt_tokens_details} with the cached prompt tokens read
     * ({@code cached_tokens}) and written ({@code cache_write_tokens}) next to whatever else the upstream detailed, and
     * the {@code cost} in USD. Other fields of the upstream's usage pass through.
     */
    private static JsonObject usage(JsonValue upstreamUsage, Metered m) {
        JsonObjectBuilder b = upstreamUsage instanceof JsonObject u ? JsonP.createObjectBuilder(u) : JsonP.createObjectBuilder();
        JsonObjectBuilder details = upstreamUsage instanceof JsonObject u && u.get("prompt_tokens_details") instanceof JsonObject d
                ? JsonP.createObjectBuilder(d) : JsonP.createObjectBuilder();
        return b.add("prompt_tokens", m.promptTokens())
                .add("completion_tokens", m.completionTokens())
                .add("total_tokens", m.promptTokens() + m.completionTokens())
                .add("prompt_tokens_details", details
                        .add("cached_tokens", m.cacheReadTokens())
                        .add("cache_write_tokens", m.cacheWriteTokens()))
                .add("cost", Money.toUsd(m.costMicros()))
                .build();
    }
}
