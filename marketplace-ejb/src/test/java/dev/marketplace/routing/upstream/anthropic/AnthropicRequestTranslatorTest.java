package dev.marketplace.routing.upstream.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicRequestTranslatorTest {
    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    static JsonObject translate(String openAi) {
        return AnthropicRequestTranslator.toAnthropic(json(openAi).asJsonObject(), false);
    }

    @Test
    void liftsSystemMessagesAndSendsParameters() {
        JsonObject out = AnthropicRequestTranslator.toAnthropic(json("""
                {"model":"claude-3-5-haiku-latest","max_tokens":100,"temperature":0.2,"top_p":0.9,"stop":"END",
                 "user":"dev-42","seed":7,"stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]}""").asJsonObject(), true);
        assertEquals(json("""
                {"model":"claude-3-5-haiku-latest","max_tokens":100,"system":"Be brief.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],
                 "temperature":0.2,"top_p":0.9,"stop_sequences":["END"],"metadata":{"user_id":"dev-42"},"stream":true}"""), out);
    }

    @Test
    void severalSystemTextsBecomeBlocksAndDeveloperCountsAsSystem() {
        JsonObject out = translate("""
                {"model":"m","max_completion_tokens":5,"messages":[
                 {"role":"system","content":[{"type":"text","text":"One."},{"type":"text","text":"Two."}]},
                 {"role":"user","content":"Hi"},{"role":"developer","content":"Three."}]}""");
        assertEquals(json("""
                [{"type":"text","text":"One."},{"type":"text","text":"Two."},{"type":"text","text":"Three."}]"""), out.get("system"));
        assertEquals(1, out.getJsonArray("messages").size());
    }

    @Test
    void toolCallsAndToolResultsMergeIntoAlternatingTurns() {
        JsonObject out = translate("""
                {"model":"m","max_tokens":50,"messages":[
                 {"role":"user","content":"Weather in Paris and Rome?"},
                 {"role":"user","content":"In celsius."},
                 {"role":"assistant","content":"Checking.","tool_calls":[
                   {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"18"},
                 {"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"24"}]},
                 {"role":"user","content":"Thanks"}]}""");
        assertEquals(json("""
                [{"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome?"},{"type":"text","text":"In celsius."}]},
                 {"role":"assistant","content":[{"type":"text","text":"Checking."},
                   {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
                   {"type":"tool_use","id":"call_2","name":"get_weather","input":{"city":"Rome"}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"18"},
                   {"type":"tool_result","tool_use_id":"call_2","content":[{"type":"text","text":"24"}]},
                   {"type":"text","text":"Thanks"}]}]"""), out.get("messages"));
    }

    @Test
    void assistantWithOnlyToolCallsAndEmptyArgumentsSendsEmptyInput() {
        JsonObject out = translate("""
                {"model":"m","max_tokens":50,"messages":[{"role":"user","content":"Time?"},
                 {"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_9","type":"function","function":{"name":"now","arguments":""}}]}]}""");
        assertEquals(json("""
                {"role":"assistant","content":[{"type":"tool_use","id":"call_9","name":"now","input":{}}]}"""),
                out.getJsonArray("messages").get(1));
    }

    @Test
    void imagePartsBecomeBase64OrUrlSources() {
        JsonObject out = translate("""
                {"model":"m","max_tokens":50,"messages":[{"role":"user","content":[
                 {"type":"text","text":"Compare"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                 {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg","detail":"high"}}]}]}""");
        assertEquals(json("""
                [{"type":"text","text":"Compare"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                 {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]"""),
                out.getJsonArray("messages").getJsonObject(0).get("content"));
    }

    @Test
    void refusesWhatAnthropicCannotTake() {
        String[] requests = {
            """
            {"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png,abc"}}]}]}""",
            """
            {"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"ftp://x/y.png"}}]}]}""",
            """
            {"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]}""",
            """
            {"model":"m","max_tokens":5,"messages":[{"role":"function","content":"x"}]}""",
            """
            {"model":"m","messages":[{"role":"user","content":"no cap"}]}""",
            """
            {"model":"m","max_tokens":5,"messages":"not an array"}""",
            """
            {"model":"m","max_tokens":5,"messages":[{"role":"assistant","tool_calls":[{"id":"c","function":{"name":"f","arguments":"[1]"}}]}]}""",
        };
        for (String request : requests) {
            assertThrows(IllegalArgumentException.class, () -> translate(request), request);
        }
    }

    @Test
    void functionToolsBecomeInputSchemas() {
        JsonObject out = translate("""
                {"model":"m","max_tokens":5,"messages":[{"role":"user","content":"x"}],"tools":[
                 {"type":"function","function":{"name":"get_weather","description":"Weather now",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
                 {"type":"function","function":{"name":"now"}}]}""");
        assertEquals(json("""
                [{"name":"get_weather","description":"Weather now",
                  "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}},
                 {"name":"now","input_schema":{"type":"object","properties":{}}}]"""), out.get("tools"));
        assertFalse(out.containsKey("tool_choice"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"auto\"'                                        | false | '{\"type\":\"auto\"}'",
        "'\"none\"'                                        | false | '{\"type\":\"none\"}'",
        "'\"required\"'                                    | false | '{\"type\":\"any\"}'",
        "'{\"type\":\"function\",\"function\":{\"name\":\"f\"}}' | false | '{\"type\":\"tool\",\"name\":\"f\"}'",
        "'\"required\"'                                    | true  | '{\"type\":\"any\",\"disable_parallel_tool_use\":true}'",
        "'null'                                            | true  | '{\"type\":\"auto\",\"disable_parallel_tool_use\":true}'",
        "'\"none\"'                                        | true  | '{\"type\":\"none\"}'",
    })
    void toolChoiceMapsOntoAnthropics(String openAi, boolean oneCallAtATime, String anthropic) {
        assertEquals(json(anthropic), AnthropicRequestTranslator.toolChoice(json(openAi), oneCallAtATime));
    }

    @Test
    void noToolChoiceWhenNoneWasAsked() {
        assertNull(AnthropicRequestTranslator.toolChoice(null, false));
    }

    @Test
    void stopArrayBecomesStopSequences() {
        JsonObject out = translate("""
                {"model":"m","max_tokens":5,"stop":["\\n\\n","END"],"messages":[{"role":"user","content":"x"}]}""");
        assertEquals(json("[\"\\n\\n\",\"END\"]"), out.get("stop_sequences"));
    }

    @Test
    void prefersMaxCompletionTokens() {
        assertEquals(9, AnthropicRequestTranslator.maxTokens(json("{\"max_tokens\":100,\"max_completion_tokens\":9}").asJsonObject()));
    }
}
