package dev.marketplace.gateway.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters a request uses, named as OpenRouter names them in a listing's {@code supported_parameters}, for
 * {@code provider.require_parameters}. Structural fields (model, messages, prompt, input, stream, user, metadata,
 * routing fields) are not parameters: every endpoint takes them.
 */
final class RequestParameters {
    /** Request field → the parameter it uses (max_completion_tokens is max_tokens by another name). */
    static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("max_tokens", "max_tokens"), Map.entry("max_completion_tokens", "max_tokens"),
            Map.entry("temperature", "temperature"), Map.entry("top_p", "top_p"), Map.entry("top_k", "top_k"),
            Map.entry("min_p", "min_p"), Map.entry("top_a", "top_a"), Map.entry("seed", "seed"),
            Map.entry("stop", "stop"), Map.entry("frequency_penalty", "frequency_penalty"),
            Map.entry("presence_penalty", "presence_penalty"), Map.entry("repetition_penalty", "repetition_penalty"),
            Map.entry("logit_bias", "logit_bias"), Map.entry("logprobs", "logprobs"),
            Map.entry("top_logprobs", "top_logprobs"), Map.entry("tools", "tools"), Map.entry("tool_choice", "tool_choice"),
            Map.entry("parallel_tool_calls", "parallel_tool_calls"), Map.entry("response_format", "response_format"),
            Map.entry("reasoning", "reasoning"), Map.entry("include_reasoning", "include_reasoning"),
            Map.entry("web_search_options", "web_search_options"), Map.entry("n", "n"),
            Map.entry("dimensions", "dimensions"), Map.entry("encoding_format", "encoding_format"));

    private RequestParameters() {
    }

    /** The parameters this request sets (a JSON null counts as not set). */
    static Set<String> used(JsonObject request) {
        Set<String> used = new TreeSet<>();
        for (Map.Entry<String, JsonValue> field : request.entrySet()) {
            String parameter = PARAMETERS.get(field.getKey());
            if (parameter != null && field.getValue() != JsonValue.NULL) {
                used.add(parameter);
            }
        }
        if (request.get("response_format") instanceof JsonObject format
                && format.get("type") instanceof JsonString type && "json_schema".equals(type.getString())) {
            used.add("structured_outputs");
        }
        return used;
    }
}
