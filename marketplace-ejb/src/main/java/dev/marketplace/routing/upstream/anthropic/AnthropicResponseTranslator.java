package dev.marketplace.routing.upstream.anthropic;

import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * An Anthropic message as an OpenAI {@code chat.completion}, and the pieces the stream translator shares with it:
 * stop reasons, usage, tool calls and error messages.
 */
final class AnthropicResponseTranslator {
    static final int MAX_ERROR_BODY_CHARS = 2_000;
    /** Anthropic's own "overloaded" status; said as 503 so that everything downstream knows what it means. */
    static final int OVERLOADED = 529;

    private AnthropicResponseTranslator() {
    }

    static JsonObject toOpenAi(JsonObject message, long createdSeconds) {
        StringBuilder text = new StringBuilder();
        JsonArrayBuilder toolCalls = JsonP.createArrayBuilder();
        boolean anyToolCall = false;
        for (JsonValue value : message.getJsonArray("content")) {
            JsonObject block = value.asJsonObject();
            switch (block.getString("type", "")) {
                case "text" -> text.append(block.getString("text", ""));
                case "tool_use" -> {
                    toolCalls.add(toolCall(block.getString("id"), block.getString("name"), block.getJsonObject("input").toString()));
                    anyToolCall = true;
                }
                default -> { } // thinking and server-side tool blocks are not for the client
            }
        }
        JsonObjectBuilder reply = JsonP.createObjectBuilder().add("role", "assistant");
        if (text.isEmpty() && anyToolCall) {
            reply.addNull("content");
        } else {
            reply.add("content", text.toString());
        }
        if (anyToolCall) {
            reply.add("tool_calls", toolCalls);
        }
        JsonObjectBuilder choice = JsonP.createObjectBuilder().add("index", 0).add("message", reply);
        addFinishReason(choice, message.get("stop_reason"));
        JsonObjectBuilder completion = JsonP.createObjectBuilder()
                .add("id", message.getString("id", ""))
                .add("object", "chat.completion")
                .add("created", createdSeconds)
                .add("model", message.getString("model", ""))
                .add("choices", JsonP.createArrayBuilder().add(choice));
        if (message.get("usage") instanceof JsonObject usage) {
            completion.add("usage", usage(usage));
        }
        return completion.build();
    }

    static JsonObject toolCall(String id, String name, String arguments) {
        return JsonP.createObjectBuilder()
                .add("id", id)
                .add("type", "function")
                .add("function", JsonP.createObjectBuilder().add("name", name).add("arguments", arguments))
                .build();
    }

    /** Sets finish_reason from an Anthropic stop_reason (JSON null when there is none yet). */
    static void addFinishReason(JsonObjectBuilder choice, JsonValue stopReason) {
        if (!(stopReason instanceof JsonString s)) {
            choice.addNull("finish_reason");
            return;
        }
        choice.add("finish_reason", switch (s.getString()) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn
        });
    }

    /**
     * OpenAI usage; cache writes and reads are input too, so they count as prompt tokens, and are detailed the way
     * OpenRouter does: {@code prompt_tokens_details.cached_tokens} (read, Anthropic's {@code cache_read_input_tokens})
     * and {@code cache_write_tokens} (Anthropic's {@code cache_creation_input_tokens}).
     */
    static JsonObject usage(JsonObject anthropicUsage) {
        long cacheWrite = tokens(anthropicUsage, "cache_creation_input_tokens");
        long cacheRead = tokens(anthropicUsage, "cache_read_input_tokens");
        long prompt = tokens(anthropicUsage, "input_tokens") + cacheWrite + cacheRead;
        long completion = tokens(anthropicUsage, "output_tokens");
        return JsonP.createObjectBuilder()
                .add("prompt_tokens", prompt)
                .add("completion_tokens", completion)
                .add("total_tokens", prompt + completion)
                .add("prompt_tokens_details", JsonP.createObjectBuilder()
                        .add("cached_tokens", cacheRead)
                        .add("cache_write_tokens", cacheWrite))
                .build();
    }

    private static long tokens(JsonObject usage, String field) {
        return usage.get(field) instanceof JsonNumber n ? n.longValue() : 0;
    }

    static int status(int anthropicStatus) {
        return anthropicStatus == OVERLOADED ? 503 : anthropicStatus;
    }

    /** Anthropic's error.message when the body is its error shape, else a bounded excerpt of the body. */
    static String errorMessage(String body) {
        try (JsonReader reader = JsonP.createReader(new StringReader(body))) {
            if (reader.readObject().get("error") instanceof JsonObject error && error.get("message") instanceof JsonString m) {
                return m.getString();
            }
        } catch (JsonException | ClassCastException e) {
            // not Anthropic's error shape: fall through to the excerpt
        }
        return body.length() > MAX_ERROR_BODY_CHARS ? body.substring(0, MAX_ERROR_BODY_CHARS) : body;
    }
}
