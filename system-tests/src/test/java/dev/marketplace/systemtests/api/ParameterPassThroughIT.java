package dev.marketplace.systemtests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.NamedStubs;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every standard chat parameter reaches the upstream as the client sent it (the recording stub behind
 * {@code test/params} keeps each body): messages with text and image parts, tools and tool_choice, response_format
 * with a json_schema, temperature, top_p, stop, seed, max_completion_tokens, logprobs, user, metadata and
 * stream_options. The gateway changes only the model name (to the listing's upstream model) and removes its own
 * routing fields.
 */
class ParameterPassThroughIT {
    private static final List<String> PASSED_AS_SENT = List.of("messages", "tools", "tool_choice", "response_format",
            "temperature", "top_p", "stop", "seed", "max_completion_tokens", "logprobs", "top_logprobs", "user",
            "metadata", "frequency_penalty", "presence_penalty", "logit_bias", "parallel_tool_calls", "n");
    private static final String BODY = """
            {"model":"test/params","provider":{"data_collection":"deny"},"models":["test/params"],
             "messages":[{"role":"system","content":"Be brief."},
                         {"role":"user","content":[{"type":"text","text":"Describe"},
                            {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"high"}}]}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
             "tool_choice":{"type":"function","function":{"name":"get_weather"}},
             "response_format":{"type":"json_schema","json_schema":{"name":"answer","strict":true,
                       "schema":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}}},
             "temperature":0.3,"top_p":0.9,"stop":["END","STOP"],"seed":42,"max_completion_tokens":64,
             "logprobs":true,"top_logprobs":2,"user":"user-123","metadata":{"team":"search"},
             "frequency_penalty":0.1,"presence_penalty":-0.2,"logit_bias":{"50256":-100},"parallel_tool_calls":false,"n":1}""";
    private static StubUpstreams stubs;

    @BeforeAll
    static void start() throws Exception {
        stubs = StubUpstreams.start();
    }

    @AfterAll
    static void stop() {
        stubs.close();
    }

    @Test
    void everyStandardParameterReachesTheUpstreamUnchanged() {
        HttpResponse<String> r = Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(), BODY);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject sent = NamedStubs.lastRequest("recorder", "chat/completions");
        JsonObject asked = Http.json(BODY);
        for (String field : PASSED_AS_SENT) {
            assertEquals(asked.get(field), sent.get(field), field);
        }
        assertEquals("stub-recorder", sent.getString("model"));
        for (String routingOnly : List.of("provider", "models")) {
            assertFalse(sent.containsKey(routingOnly), routingOnly + " is for the marketplace, not the upstream");
        }
    }

    @Test
    void maxTokensAndStreamOptionsToo() {
        String body = """
                {"model":"test/params","messages":[{"role":"user","content":"hi"}],"max_tokens":33,"stream":true,
                 "stream_options":{"include_usage":true}}""";
        HttpResponse<String> r = Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(), body);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject sent = NamedStubs.lastRequest("recorder", "chat/completions");
        assertEquals(33, sent.getInt("max_tokens"));
        assertEquals(true, sent.getBoolean("stream"));
        assertEquals(true, sent.getJsonObject("stream_options").getBoolean("include_usage"));
    }
}
