package dev.marketplace.simulator;

import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The simulator's answers to the prompt-based operations: legacy text completions ("Echo: " and the prompt, one
 * choice per prompt, cut to max_tokens) and embeddings (a deterministic unit vector per input, seeded by its text,
 * {@link #DEFAULT_DIMENSIONS} long unless {@code dimensions} says otherwise, as floats or base64 little-endian
 * float32). Token counts are real cl100k counts; a pre-tokenized input counts its token ids.
 */
final class SimulatedPrompts {
    static final int DEFAULT_DIMENSIONS = 16;
    private static final Pattern WORDS = Pattern.compile("(?<=\\s)");

    private final TokenCounter tokens;

    SimulatedPrompts(TokenCounter tokens) {
        this.tokens = tokens;
    }

    JsonObject completion(JsonObject request) {
        List<Item> prompts = items(request.get("prompt"));
        int cap = cap(request);
        JsonArrayBuilder choices = JsonP.createArrayBuilder();
        long completion = 0;
        for (int i = 0; i < prompts.size(); i++) {
            String full = "Echo: " + prompts.get(i).text();
            String text = tokens.truncate(full, cap);
            completion += tokens.count(text);
            choices.add(JsonP.createObjectBuilder().add("index", i).add("text", text).addNull("logprobs")
                    .add("finish_reason", text.length() < full.length() ? "length" : "stop"));
        }
        return JsonP.createObjectBuilder(base("sim-cmpl")).add("choices", choices)
                .add("usage", usage(promptTokens(prompts), completion)).build();
    }

    /** The first prompt's completion, a word per chunk, then the finish reason, then usage when asked for. */
    List<JsonObject> completionChunks(JsonObject request) {
        List<Item> prompts = items(request.get("prompt"));
        String full = "Echo: " + prompts.get(0).text();
        String text = tokens.truncate(full, cap(request));
        List<JsonObject> out = new ArrayList<>();
        for (String word : WORDS.split(text)) {
            out.add(textChunk(word, null));
        }
        out.add(textChunk("", text.length() < full.length() ? "length" : "stop"));
        if (request.get("stream_options") instanceof JsonObject o && o.getBoolean("include_usage", false)) {
            out.add(JsonP.createObjectBuilder(base("sim-cmpl")).add("choices", JsonValue.EMPTY_JSON_ARRAY)
                    .add("usage", usage(promptTokens(prompts.subList(0, 1)), tokens.count(text))).build());
        }
        return out;
    }

    JsonObject embeddings(JsonObject request) {
        List<Item> inputs = items(request.get("input"));
        int dimensions = request.get("dimensions") instanceof JsonNumber d ? d.intValue() : DEFAULT_DIMENSIONS;
        boolean base64 = request.get("encoding_format") instanceof JsonString f && "base64".equals(f.getString());
        JsonArrayBuilder data = JsonP.createArrayBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = vector(inputs.get(i).seed(), dimensions);
            data.add(JsonP.createObjectBuilder().add("object", "embedding").add("index", i)
                    .add("embedding", base64 ? JsonP.createValue(base64(vector)) : floats(vector)));
        }
        long prompt = promptTokens(inputs);
        return JsonP.createObjectBuilder().add("object", "list").add("data", data).add("model", "embed-" + dimensions)
                .add("usage", JsonP.createObjectBuilder().add("prompt_tokens", prompt).add("total_tokens", prompt))
                .build();
    }

    /** A unit vector from a seeded generator: the same input always gives the same vector. */
    static float[] vector(long seed, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) {
            bytes.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static JsonArray floats(float[] vector) {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        for (float f : vector) {
            out.add((double) f);
        }
        return out.build();
    }

    /** A prompt or input item: its text (empty for token ids) and how many token ids it had. */
    private record Item(String text, int tokenIds, long seed) {
    }

    private static List<Item> items(JsonValue value) {
        List<Item> out = new ArrayList<>();
        if (value instanceof JsonString s) {
            out.add(new Item(s.getString(), 0, s.getString().hashCode()));
        } else if (value instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonNumber) {
            out.add(new Item("", array.size(), array.hashCode()));
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    out.add(new Item(s.getString(), 0, s.getString().hashCode()));
                } else if (item instanceof JsonArray ids) {
                    out.add(new Item("", ids.size(), ids.hashCode()));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(new Item("", 0, 0));
        }
        return out;
    }

    private long promptTokens(List<Item> items) {
        long total = 0;
        for (Item item : items) {
            total += tokens.count(item.text()) + item.tokenIds();
        }
        return total;
    }

    private static int cap(JsonObject request) {
        return request.get("max_tokens") instanceof JsonNumber n ? n.intValue() : Integer.MAX_VALUE;
    }

    private static JsonObject usage(long prompt, long completion) {
        return JsonP.createObjectBuilder().add("prompt_tokens", prompt).add("completion_tokens", completion)
                .add("total_tokens", prompt + completion).build();
    }

    private static JsonObject textChunk(String text, String finishReason) {
        JsonObjectBuilder choice = JsonP.createObjectBuilder().add("index", 0).add("text", text).addNull("logprobs");
        choice.add("finish_reason", finishReason == null ? JsonValue.NULL : JsonP.createValue(finishReason));
        return JsonP.createObjectBuilder(base("sim-cmpl")).add("choices", JsonP.createArrayBuilder().add(choice)).build();
    }

    private static JsonObject base(String id) {
        return JsonP.createObjectBuilder().add("id", id).add("object", "text_completion")
                .add("created", System.currentTimeMillis() / 1000).add("model", Simulator.MODEL).build();
    }
}
