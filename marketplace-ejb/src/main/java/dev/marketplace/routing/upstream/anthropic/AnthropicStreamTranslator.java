package dev.marketplace.routing.upstream.anthropic;

import dev.marketplace.routing.upstream.UpstreamException;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Anthropic event stream as OpenAI {@code chat.completion.chunk}s. Holds what the events leave to be
 * remembered: the message id and model, which content block is which tool call, whether the role was sent, and
 * the usage so far (Anthropic reports input at the start and output at the end).
 */
final class AnthropicStreamTranslator {
    private final boolean includeUsage;
    private final long createdSeconds;
    private final Map<Integer, Integer> toolCallByBlock = new HashMap<>();
    private String id = "";
    private String model = "";
    private boolean roleSent;
    private JsonObject anthropicUsage;
    private boolean finished;

    AnthropicStreamTranslator(boolean includeUsage, long createdSeconds) {
        this.includeUsage = includeUsage;
        this.createdSeconds = createdSeconds;
    }

    /**
     * The chunks one event becomes, often none. {@code committed} says whether earlier chunks reached the client,
     * for the exception an {@code error} event becomes.
     */
    List<JsonObject> translate(JsonObject event, boolean committed) throws UpstreamException {
        return switch (event.getString("type", "")) {
            case "message_start" -> start(event.getJsonObject("message"));
            case "content_block_start" -> blockStart(event.getInt("index"), event.getJsonObject("content_block"));
            case "content_block_delta" -> blockDelta(event.getInt("index"), event.getJsonObject("delta"));
            case "message_delta" -> messageDelta(event);
            case "message_stop" -> stop();
            case "error" -> throw error(event, committed);
            default -> List.of(); // ping, content_block_stop, and event types added after this was written
        };
    }

    boolean finished() {
        return finished;
    }

    /** OpenAI usage as reported so far, or null when Anthropic reported none. */
    JsonObject usage() {
        return anthropicUsage == null ? null : AnthropicResponseTranslator.usage(anthropicUsage);
    }

    private List<JsonObject> start(JsonObject message) {
        id = message.getString("id", "");
        model = message.getString("model", "");
        addUsage(message.get("usage"));
        return List.of();
    }

    private List<JsonObject> blockStart(int index, JsonObject block) {
        switch (block.getString("type", "")) {
            case "text" -> {
                String text = block.getString("text", "");
                return text.isEmpty() ? List.of() : List.of(chunk(delta().add("content", text), null));
            }
            case "tool_use" -> {
                int toolCall = toolCallByBlock.size();
                toolCallByBlock.put(index, toolCall);
                JsonObject call = JsonP.createObjectBuilder(AnthropicResponseTranslator.toolCall(
                        block.getString("id"), block.getString("name"), "")).add("index", toolCall).build();
                return List.of(chunk(delta().add("tool_calls", JsonP.createArrayBuilder().add(call)), null));
            }
            default -> {
                return List.of(); // thinking and server-side tool blocks are not for the client
            }
        }
    }

    private List<JsonObject> blockDelta(int index, JsonObject delta) {
        String type = delta.getString("type", "");
        if ("text_delta".equals(type)) {
            return List.of(chunk(delta().add("content", delta.getString("text")), null));
        }
        String json = delta.getString("partial_json", "");
        if ("input_json_delta".equals(type) && toolCallByBlock.containsKey(index) && !json.isEmpty()) {
            JsonObjectBuilder call = JsonP.createObjectBuilder().add("index", toolCallByBlock.get(index))
                    .add("function", JsonP.createObjectBuilder().add("arguments", json));
            return List.of(chunk(delta().add("tool_calls", JsonP.createArrayBuilder().add(call)), null));
        }
        return List.of();
    }

    private List<JsonObject> messageDelta(JsonObject event) {
        addUsage(event.get("usage"));
        JsonValue stopReason = event.getJsonObject("delta").get("stop_reason");
        return stopReason instanceof JsonString ? List.of(chunk(delta(), stopReason)) : List.of();
    }

    private List<JsonObject> stop() {
        finished = true;
        if (!includeUsage || anthropicUsage == null) {
            return List.of();
        }
        return List.of(header().add("choices", JsonValue.EMPTY_JSON_ARRAY).add("usage", usage()).build());
    }

    private static UpstreamException error(JsonObject event, boolean committed) {
        JsonObject error = event.get("error") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
        int status = "overloaded_error".equals(error.getString("type", "")) ? 503 : 502;
        return new UpstreamException(status, error.getString("message", "upstream stream failed"), committed, null);
    }

    /** Counts are cumulative, and later events may repeat or omit fields: the newest number for each field wins. */
    private void addUsage(JsonValue usage) {
        if (!(usage instanceof JsonObject counts)) {
            return;
        }
        JsonObjectBuilder merged = anthropicUsage == null ? JsonP.createObjectBuilder() : JsonP.createObjectBuilder(anthropicUsage);
        counts.forEach((field, value) -> {
            if (value instanceof JsonNumber) {
                merged.add(field, value);
            }
        });
        anthropicUsage = merged.build();
    }

    /** A delta; the first one of the stream says who speaks, as OpenAI's does. */
    private JsonObjectBuilder delta() {
        JsonObjectBuilder delta = JsonP.createObjectBuilder();
        if (!roleSent) {
            delta.add("role", "assistant");
            roleSent = true;
        }
        return delta;
    }

    private JsonObject chunk(JsonObjectBuilder delta, JsonValue stopReason) {
        JsonObjectBuilder choice = JsonP.createObjectBuilder().add("index", 0).add("delta", delta);
        AnthropicResponseTranslator.addFinishReason(choice, stopReason);
        return header().add("choices", JsonP.createArrayBuilder().add(choice)).build();
    }

    private JsonObjectBuilder header() {
        return JsonP.createObjectBuilder()
                .add("id", id)
                .add("object", "chat.completion.chunk")
                .add("created", createdSeconds)
                .add("model", model);
    }
}
