package dev.marketplace.systemtests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Raw chat-completion calls to {@code sim/echo-1} with the target's API key, reduced to what the tests compare. */
public final class ChatApi {
    public static final String GENERATION_HEADER = "X-Generation-Id";

    private ChatApi() {
    }

    public static String completionsUrl() {
        return TestTarget.apiUrl() + "/chat/completions";
    }

    /** A request body for one user message; {@code maxTokens} 0 means none. */
    public static String body(String userMessage, boolean stream, int maxTokens) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("model", Pricing.MODEL)
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("role", "user").add("content", userMessage)));
        if (stream) {
            b.add("stream", true);
        }
        if (maxTokens > 0) {
            b.add("max_tokens", maxTokens);
        }
        return b.build().toString();
    }

    public static HttpResponse<String> post(String userMessage, boolean stream, int maxTokens) {
        return Http.postJson(completionsUrl(), TestTarget.apiKey(), body(userMessage, stream, maxTokens));
    }

    /** A non-streamed call that must succeed. */
    public static Generation complete(String userMessage) {
        return complete(userMessage, 0);
    }

    /** A non-streamed call with a token cap (0 = none) that must succeed. */
    public static Generation complete(String userMessage, int maxTokens) {
        HttpResponse<String> r = post(userMessage, false, maxTokens);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject reply = Http.json(r.body());
        JsonObject choice = reply.getJsonArray("choices").getJsonObject(0);
        return generation(r, reply.getString("id"), choice.getJsonObject("message").getString("content"),
                choice.getString("finish_reason"), reply.getJsonObject("usage"), false);
    }

    /** A streamed call that must succeed: the deltas concatenated, the last chunk's usage. */
    public static Generation stream(String userMessage, int maxTokens) {
        HttpResponse<String> r = post(userMessage, true, maxTokens);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        List<JsonObject> chunks = chunks(r.body());
        StringBuilder text = new StringBuilder();
        String finishReason = null;
        for (JsonObject chunk : chunks) {
            for (JsonValue c : chunk.getJsonArray("choices")) {
                JsonObject choice = c.asJsonObject();
                if (choice.getJsonObject("delta").get("content") instanceof JsonString s) {
                    text.append(s.getString());
                }
                if (choice.get("finish_reason") instanceof JsonString s) {
                    finishReason = s.getString();
                }
            }
        }
        JsonObject last = chunks.get(chunks.size() - 1);
        assertTrue(last.containsKey("usage"), () -> "the last chunk carries usage: " + last);
        return generation(r, last.getString("id"), text.toString(), finishReason, last.getJsonObject("usage"), true);
    }

    /** The JSON chunks of an SSE body that must end with exactly one {@code data: [DONE]}. */
    public static List<JsonObject> chunks(String sseBody) {
        List<String> payloads = Sse.dataPayloads(sseBody);
        assertEquals(Sse.DONE, payloads.get(payloads.size() - 1), "the stream ends with [DONE]");
        List<JsonObject> chunks = new ArrayList<>();
        for (String payload : payloads.subList(0, payloads.size() - 1)) {
            chunks.add(Http.json(payload));
        }
        return chunks;
    }

    private static Generation generation(HttpResponse<String> r, String id, String text, String finishReason,
                                         JsonObject usage, boolean streamed) {
        String header = r.headers().firstValue(GENERATION_HEADER).orElse(null);
        assertEquals(id, header, "X-Generation-Id equals the body's id");
        long prompt = usage.getJsonNumber("prompt_tokens").longValueExact();
        long completion = usage.getJsonNumber("completion_tokens").longValueExact();
        assertEquals(prompt + completion, usage.getJsonNumber("total_tokens").longValueExact(), "total_tokens");
        long costMicros = Pricing.usdToMicros(usage.getJsonNumber("cost").bigDecimalValue());
        return new Generation(id, text, finishReason, prompt, completion, costMicros, streamed);
    }

    /** What a successful call returned: its id, text, finish reason, tokens and cost (micro-USD). */
    public record Generation(String id, String text, String finishReason, long promptTokens, long completionTokens,
                             long costMicros, boolean streamed) {
    }
}
