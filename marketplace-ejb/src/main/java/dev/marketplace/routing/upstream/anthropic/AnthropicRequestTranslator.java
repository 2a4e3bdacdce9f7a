package dev.marketplace.routing.upstream.anthropic;

import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * An OpenAI chat-completions request as an Anthropic Messages request. Parameters Anthropic has no equivalent
 * for (seed, response_format, logprobs, n, penalties) are left out rather than refused.
 */
final class AnthropicRequestTranslator {
    private AnthropicRequestTranslator() {
    }

    /** @throws IllegalArgumentException when the request cannot be said in Anthropic's terms */
    static JsonObject toAnthropic(JsonObject request, boolean stream) {
        try {
            return translate(request, stream);
        } catch (ClassCastException | NullPointerException e) {
            // a field of the wrong JSON type or a missing required one: the caller's request, not our bug
            throw new IllegalArgumentException("request is not in OpenAI's chat-completions shape", e);
        }
    }

    private static JsonObject translate(JsonObject request, boolean stream) {
        AnthropicMessages conversation = AnthropicMessages.of(request.getJsonArray("messages"));
        JsonObjectBuilder out = JsonP.createObjectBuilder()
                .add("model", request.getString("model"))
                .add("max_tokens", maxTokens(request));
        if (conversation.system() != null) {
            out.add("system", conversation.system());
        }
        out.add("messages", conversation.messages());
        copyNumber(request, "temperature", out);
        copyNumber(request, "top_p", out);
        if (request.get("stop") instanceof JsonString s) {
            out.add("stop_sequences", JsonP.createArrayBuilder().add(s));
        } else if (request.get("stop") instanceof JsonArray stops && !stops.isEmpty()) {
            out.add("stop_sequences", stops);
        }
        if (request.get("tools") instanceof JsonArray tools && !tools.isEmpty()) {
            out.add("tools", tools(tools));
        }
        JsonObject toolChoice = toolChoice(request.get("tool_choice"), request.get("parallel_tool_calls") == JsonValue.FALSE);
        if (toolChoice != null) {
            out.add("tool_choice", toolChoice);
        }
        if (request.get("user") instanceof JsonString user) {
            out.add("metadata", JsonP.createObjectBuilder().add("user_id", user));
        }
        if (stream) {
            out.add("stream", true);
        }
        return out.build();
    }

    /** Anthropic requires a cap; the gateway always sets one, preferring the newer field as OpenAI does. */
    static int maxTokens(JsonObject request) {
        for (String field : new String[]{"max_completion_tokens", "max_tokens"}) {
            if (request.get(field) instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
                return n.intValueExact();
            }
        }
        throw new IllegalArgumentException("Anthropic requires max_tokens");
    }

    private static JsonArray tools(JsonArray openAiTools) {
        JsonArrayBuilder tools = JsonP.createArrayBuilder();
        for (JsonValue value : openAiTools) {
            JsonObject tool = value.asJsonObject();
            if (!"function".equals(tool.getString("type", "function"))) {
                throw new IllegalArgumentException("Anthropic takes only function tools, not '" + tool.getString("type") + "'");
            }
            JsonObject function = tool.getJsonObject("function");
            JsonObjectBuilder out = JsonP.createObjectBuilder().add("name", function.getString("name"));
            if (function.get("description") instanceof JsonString description) {
                out.add("description", description);
            }
            out.add("input_schema", function.get("parameters") instanceof JsonObject schema ? schema
                    : JsonP.createObjectBuilder().add("type", "object").add("properties", JsonValue.EMPTY_JSON_OBJECT).build());
            tools.add(out);
        }
        return tools.build();
    }

    /** auto / none / required / a named function become auto / none / any / tool; null when none was given. */
    static JsonObject toolChoice(JsonValue choice, boolean oneCallAtATime) {
        JsonObjectBuilder out = JsonP.createObjectBuilder();
        if (choice == null || choice == JsonValue.NULL) {
            if (!oneCallAtATime) {
                return null;
            }
            out.add("type", "auto");
        } else if (choice instanceof JsonString s) {
            out.add("type", switch (s.getString()) {
                case "auto" -> "auto";
                case "none" -> "none";
                case "required" -> "any";
                default -> throw new IllegalArgumentException("unknown tool_choice '" + s.getString() + "'");
            });
        } else {
            out.add("type", "tool").add("name", choice.asJsonObject().getJsonObject("function").getString("name"));
        }
        if (oneCallAtATime && !(choice instanceof JsonString s && "none".equals(s.getString()))) {
            out.add("disable_parallel_tool_use", true);
        }
        return out.build();
    }

    private static void copyNumber(JsonObject from, String field, JsonObjectBuilder to) {
        if (from.get(field) instanceof JsonNumber n) {
            to.add(field, n);
        }
    }
}
