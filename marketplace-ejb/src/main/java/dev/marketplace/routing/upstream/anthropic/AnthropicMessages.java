package dev.marketplace.routing.upstream.anthropic;

import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI conversation as Anthropic wants it: system text lifted to the top, tool results sent as user turns,
 * content as blocks, and neighbouring turns of the same role merged (Anthropic requires roles to alternate).
 * Throws {@link IllegalArgumentException} for content Anthropic cannot take.
 */
final class AnthropicMessages {
    private final List<String> systemTexts = new ArrayList<>();
    private final JsonArrayBuilder messages = JsonP.createArrayBuilder();
    private String openRole;
    private List<JsonValue> openBlocks = new ArrayList<>();

    private AnthropicMessages() {
    }

    static AnthropicMessages of(JsonArray openAiMessages) {
        AnthropicMessages out = new AnthropicMessages();
        for (JsonValue value : openAiMessages) {
            out.add(value.asJsonObject());
        }
        out.close();
        return out;
    }

    /** Null without system text; a string for one system text, else one text block per text. */
    JsonValue system() {
        if (systemTexts.isEmpty()) {
            return null;
        }
        if (systemTexts.size() == 1) {
            return JsonP.createValue(systemTexts.get(0));
        }
        JsonArrayBuilder blocks = JsonP.createArrayBuilder();
        systemTexts.forEach(text -> blocks.add(textBlock(text)));
        return blocks.build();
    }

    JsonArray messages() {
        return messages.build();
    }

    private void add(JsonObject message) {
        String role = message.getString("role", "");
        switch (role) {
            case "system", "developer" -> systemTexts.addAll(texts(message.get("content")));
            case "user" -> append("user", contentBlocks(message.get("content")));
            case "assistant" -> append("assistant", assistantBlocks(message));
            case "tool" -> append("user", List.of(toolResult(message)));
            default -> throw new IllegalArgumentException("Anthropic has no message role '" + role + "'");
        }
    }

    private void append(String role, List<JsonValue> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        if (!role.equals(openRole)) {
            close();
            openRole = role;
        }
        openBlocks.addAll(blocks);
    }

    private void close() {
        if (openRole != null) {
            JsonArrayBuilder content = JsonP.createArrayBuilder();
            openBlocks.forEach(content::add);
            messages.add(JsonP.createObjectBuilder().add("role", openRole).add("content", content));
        }
        openRole = null;
        openBlocks = new ArrayList<>();
    }

    private static List<String> texts(JsonValue content) {
        List<String> texts = new ArrayList<>();
        for (JsonValue block : contentBlocks(content)) {
            if (!"text".equals(block.asJsonObject().getString("type"))) {
                throw new IllegalArgumentException("system messages can hold only text");
            }
            texts.add(block.asJsonObject().getString("text"));
        }
        return texts;
    }

    /** A string or an array of text and image_url parts, as Anthropic blocks; empty text is dropped. */
    static List<JsonValue> contentBlocks(JsonValue content) {
        List<JsonValue> blocks = new ArrayList<>();
        if (content instanceof JsonString s) {
            addText(blocks, s.getString());
        } else if (content instanceof JsonArray parts) {
            for (JsonValue value : parts) {
                JsonObject part = value.asJsonObject();
                switch (part.getString("type", "")) {
                    case "text" -> addText(blocks, part.getString("text", ""));
                    case "image_url" -> blocks.add(image(imageUrl(part.get("image_url"))));
                    default -> throw new IllegalArgumentException(
                            "Anthropic takes no content part of type '" + part.getString("type", "") + "'");
                }
            }
        } else if (content != null && content != JsonValue.NULL) {
            throw new IllegalArgumentException("message content must be a string or an array of parts");
        }
        return blocks;
    }

    private static List<JsonValue> assistantBlocks(JsonObject message) {
        List<JsonValue> blocks = contentBlocks(message.get("content"));
        if (message.get("tool_calls") instanceof JsonArray calls) {
            for (JsonValue value : calls) {
                JsonObject call = value.asJsonObject();
                JsonObject function = call.getJsonObject("function");
                blocks.add(JsonP.createObjectBuilder()
                        .add("type", "tool_use")
                        .add("id", call.getString("id"))
                        .add("name", function.getString("name"))
                        .add("input", arguments(function.getString("arguments", "")))
                        .build());
            }
        }
        return blocks;
    }

    private static JsonObject toolResult(JsonObject message) {
        var block = JsonP.createObjectBuilder()
                .add("type", "tool_result")
                .add("tool_use_id", message.getString("tool_call_id"));
        if (message.get("content") instanceof JsonString s) {
            block.add("content", s.getString());
        } else {
            JsonArrayBuilder content = JsonP.createArrayBuilder();
            contentBlocks(message.get("content")).forEach(content::add);
            block.add("content", content);
        }
        return block.build();
    }

    /** Tool-call arguments are a JSON string in OpenAI's shape and a JSON object in Anthropic's. */
    private static JsonObject arguments(String json) {
        if (json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JsonP.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("tool call arguments must be a JSON object", e);
        }
    }

    private static String imageUrl(JsonValue imageUrl) {
        if (imageUrl instanceof JsonString s) {
            return s.getString();
        }
        if (imageUrl instanceof JsonObject o && o.get("url") instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException("an image_url part needs a url");
    }

    /** data:<media type>;base64,<data> becomes a base64 source; http(s) URLs become url sources. */
    static JsonObject image(String url) {
        var source = JsonP.createObjectBuilder();
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String meta = comma < 0 ? "" : url.substring("data:".length(), comma);
            if (!meta.endsWith(";base64") || meta.length() == ";base64".length()) {
                throw new IllegalArgumentException("image data URLs must look like data:image/png;base64,...");
            }
            source.add("type", "base64")
                    .add("media_type", meta.substring(0, meta.length() - ";base64".length()))
                    .add("data", url.substring(comma + 1));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            source.add("type", "url").add("url", url);
        } else {
            throw new IllegalArgumentException("image URLs must be data: or http(s): URLs");
        }
        return JsonP.createObjectBuilder().add("type", "image").add("source", source).build();
    }

    private static void addText(List<JsonValue> blocks, String text) {
        if (!text.isEmpty()) { // Anthropic rejects empty text blocks
            blocks.add(textBlock(text));
        }
    }

    private static JsonObject textBlock(String text) {
        return JsonP.createObjectBuilder().add("type", "text").add("text", text).build();
    }
}
