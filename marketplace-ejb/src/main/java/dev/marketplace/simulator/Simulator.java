package dev.marketplace.simulator;

import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.platform.Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The simulated provider's model {@code echo-1}: it answers "Echo: " followed by the last user message, cut to the
 * request's max_tokens, with real cl100k token counts; it also serves legacy completions and embeddings. Replies are deterministic; latency is configurable
 * ({@code MARKET_SIM_LATENCY_MS} before the first token, {@code MARKET_SIM_TOKEN_DELAY_MS} between stream chunks).
 */
@ApplicationScoped
public class Simulator {
    public static final String MODEL = "echo-1";
    private static final Pattern WORDS = Pattern.compile("(?<=\\s)");

    @Inject
    TokenCounter tokens;

    private final long latencyMs = Config.getLong("sim.latency-ms", 0);
    private final long tokenDelayMs = Config.getLong("sim.token-delay-ms", 0);

    /** Legacy text completions: "Echo: " and each prompt (see {@link SimulatedPrompts}). */
    public JsonObject completeText(JsonObject request) {
        return new SimulatedPrompts(tokens).completion(request);
    }

    public List<JsonObject> textChunks(JsonObject request) {
        return new SimulatedPrompts(tokens).completionChunks(request);
    }

    /** Deterministic unit vectors, one per input (see {@link SimulatedPrompts}). */
    public JsonObject embeddings(JsonObject request) {
        return new SimulatedPrompts(tokens).embeddings(request);
    }

    public long latencyMs() {
        return latencyMs;
    }

    public long tokenDelayMs() {
        return tokenDelayMs;
    }

    public JsonObject complete(JsonObject request) {
        Reply reply = reply(request);
        return JsonP.createObjectBuilder()
                .add("id", "sim-" + Integer.toHexString(reply.text.hashCode()))
                .add("object", "chat.completion")
                .add("created", System.currentTimeMillis() / 1000)
                .add("model", MODEL)
                .add("choices", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                        .add("index", 0)
                        .add("message", JsonP.createObjectBuilder().add("role", "assistant").add("content", reply.text))
                        .add("finish_reason", reply.finishReason)))
                .add("usage", usage(reply))
                .build();
    }

    /** The stream's chunks: a word each, then the finish reason, then usage when the request asked for it. */
    public List<JsonObject> chunks(JsonObject request) {
        Reply reply = reply(request);
        List<JsonObject> out = new ArrayList<>();
        boolean first = true;
        for (String word : WORDS.split(reply.text)) {
            JsonObjectBuilder delta = JsonP.createObjectBuilder().add("content", word);
            if (first) {
                delta.add("role", "assistant");
                first = false;
            }
            out.add(chunk(delta.build(), null));
        }
        out.add(chunk(JsonValue.EMPTY_JSON_OBJECT, reply.finishReason));
        if (request.getJsonObject("stream_options") != null
                && request.getJsonObject("stream_options").getBoolean("include_usage", false)) {
            out.add(JsonP.createObjectBuilder(base()).add("choices", JsonValue.EMPTY_JSON_ARRAY).add("usage", usage(reply)).build());
        }
        return out;
    }

    private Reply reply(JsonObject request) {
        JsonArray messages = request.getJsonArray("messages");
        List<String> texts = new ArrayList<>();
        String lastUser = "";
        for (JsonValue m : messages) {
            JsonObject message = m.asJsonObject();
            String content = message.get("content") instanceof JsonString s ? s.getString() : "";
            texts.add(content);
            if ("user".equals(message.getString("role", ""))) {
                lastUser = content;
            }
        }
        String full = "Echo: " + lastUser;
        int cap = request.get("max_tokens") instanceof JsonNumber n ? n.intValue()
                : request.get("max_completion_tokens") instanceof JsonNumber n2 ? n2.intValue() : Integer.MAX_VALUE;
        String text = tokens.truncate(full, cap);
        return new Reply(text, text.length() < full.length() ? "length" : "stop", tokens.promptTokens(texts), tokens.count(text));
    }

    private static JsonObject usage(Reply reply) {
        return JsonP.createObjectBuilder()
                .add("prompt_tokens", reply.promptTokens)
                .add("completion_tokens", reply.completionTokens)
                .add("total_tokens", reply.promptTokens + reply.completionTokens)
                .build();
    }

    private static JsonObject chunk(JsonObject delta, String finishReason) {
        JsonObjectBuilder choice = JsonP.createObjectBuilder().add("index", 0).add("delta", delta);
        choice.add("finish_reason", finishReason == null ? JsonValue.NULL : JsonP.createValue(finishReason));
        return JsonP.createObjectBuilder(base()).add("choices", JsonP.createArrayBuilder().add(choice)).build();
    }

    private static JsonObject base() {
        return JsonP.createObjectBuilder()
                .add("id", "sim-stream")
                .add("object", "chat.completion.chunk")
                .add("created", System.currentTimeMillis() / 1000)
                .add("model", MODEL)
                .build();
    }

    private record Reply(String text, String finishReason, int promptTokens, int completionTokens) {
    }
}
