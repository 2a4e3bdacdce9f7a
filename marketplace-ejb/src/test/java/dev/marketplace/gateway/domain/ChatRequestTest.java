package dev.marketplace.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import dev.marketplace.routing.domain.RoutingPreferences;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestTest {
    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void readsModelStreamCapAndTexts() {
        ChatRequest r = ChatRequest.parse(json("""
                {"model":"sim/echo-1","stream":true,"max_tokens":7,"messages":[
                 {"role":"system","content":"be brief"},
                 {"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"x"}}]}]}"""));
        assertEquals("sim/echo-1", r.model());
        assertTrue(r.stream());
        assertEquals(7, r.maxTokens());
        assertEquals("max_tokens", r.maxTokensField());
        assertEquals(List.of("be brief", "hi\n"), r.messageTexts());
    }

    @Test
    void prefersMaxCompletionTokens() {
        ChatRequest r = ChatRequest.parse(json("""
                {"model":"a/b","max_completion_tokens":5,"messages":[{"role":"user","content":"x"}]}"""));
        assertEquals(5, r.maxTokens());
        assertEquals("max_completion_tokens", r.maxTokensField());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}                  | model",
            "{\"model\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}      | model",
            "{\"model\":\"a/b\"}                                                     | messages",
            "{\"model\":\"a/b\",\"messages\":[]}                                     | messages",
            "{\"model\":\"a/b\",\"messages\":[{\"content\":\"x\"}]}                  | messages",
            "{\"model\":\"a/b\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\"}]} | max_tokens",
            "{\"model\":\"a/b\",\"max_tokens\":1.5,\"messages\":[{\"role\":\"user\"}]} | max_tokens",
    })
    void rejectsBadRequestsNamingTheParameter(String body, String param) {
        GatewayException e = assertThrows(GatewayException.class, () -> ChatRequest.parse(json(body)));
        assertEquals(400, e.status());
        assertEquals(param, e.param());
    }

    @Test
    void readsRoutingFields() {
        ChatRequest r = ChatRequest.parse(json("""
                {"model":"a/b:floor","models":["c/d","a/b"],"messages":[{"role":"user","content":"x"}],
                 "provider":{"order":["p1"],"only":["p1","p2"],"ignore":["p3"],"allow_fallbacks":false,
                             "max_price":{"prompt":0.5,"completion":1.25,"request":0.0002}}}"""));
        assertEquals(List.of("a/b", "c/d"), r.routing().models());
        assertEquals("a/b", r.model());
        assertEquals(RoutingPreferences.Sort.PRICE, r.routing().sort(), ":floor sorts by price");
        assertEquals(List.of("p1"), r.routing().order());
        assertEquals(java.util.Set.of("p1", "p2"), r.routing().only());
        assertEquals(false, r.routing().allowFallbacks());
        assertEquals(500_000L, r.routing().maxInputMicrosPerMTok());
        assertEquals(1_250_000L, r.routing().maxOutputMicrosPerMTok());
        assertEquals(200L, r.routing().maxRequestMicros(), "USD per request as micro-USD");
    }

    @Test
    void modelsAloneIsEnough() {
        ChatRequest r = ChatRequest.parse(json("""
                {"models":["c/d","e/f"],"messages":[{"role":"user","content":"x"}]}"""));
        assertEquals(List.of("c/d", "e/f"), r.routing().models());
    }

    @Test
    void nitroSortsByThroughputAndProviderSortWins() {
        assertEquals(RoutingPreferences.Sort.THROUGHPUT, ChatRequest.parse(json("""
                {"model":"a/b:nitro","messages":[{"role":"user","content":"x"}]}""")).routing().sort());
        ChatRequest r = ChatRequest.parse(json("""
                {"model":"a/b:nitro","provider":{"sort":"latency"},"messages":[{"role":"user","content":"x"}]}"""));
        assertEquals(RoutingPreferences.Sort.LATENCY, r.routing().sort());
        assertEquals("a/b", r.model());
        assertEquals(RoutingPreferences.Sort.DEFAULT, ChatRequest.parse(json("""
                {"model":"a/b","provider":{"sort":null},"messages":[{"role":"user","content":"x"}]}""")).routing().sort());
    }

    @Test
    void requireParametersCollectsTheParametersTheRequestUses() {
        ChatRequest r = ChatRequest.parse(json("""
                {"model":"a/b","messages":[{"role":"user","content":"x"}],"temperature":0.2,"max_completion_tokens":5,
                 "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"auto","user":"u","seed":null,
                 "response_format":{"type":"json_schema","json_schema":{"name":"s","schema":{}}},"stream":false,
                 "provider":{"require_parameters":true,"data_collection":"deny"}}"""));
        assertEquals(Set.of("temperature", "max_tokens", "tools", "tool_choice", "response_format", "structured_outputs"),
                r.routing().requiredParameters());
        assertTrue(r.routing().denyDataCollection());
        ChatRequest loose = ChatRequest.parse(json("""
                {"model":"a/b","messages":[{"role":"user","content":"x"}],"temperature":0.2,
                 "provider":{"require_parameters":false,"data_collection":"allow"}}"""));
        assertEquals(Set.of(), loose.routing().requiredParameters());
        assertEquals(false, loose.routing().denyDataCollection());
        assertTrue(loose.routing().allowFallbacks());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"model\":\"a/b\",\"provider\":{\"sort\":\"speed\"},\"messages\":[{\"role\":\"user\"}]}       | provider.sort",
            "{\"model\":\"a/b\",\"provider\":{\"data_collection\":\"never\"},\"messages\":[{\"role\":\"user\"}]} | provider.data_collection",
            "{\"model\":\"a/b\",\"provider\":{\"require_parameters\":\"yes\"},\"messages\":[{\"role\":\"user\"}]} | provider.require_parameters",
            "{\"model\":\"a/b\",\"provider\":{\"order\":\"p1\"},\"messages\":[{\"role\":\"user\"}]}        | order",
            "{\"model\":\"a/b\",\"provider\":{\"max_price\":{\"prompt\":0.0000001}},\"messages\":[{\"role\":\"user\"}]} | provider.max_price",
            "{\"model\":\"a/b\",\"provider\":{\"max_price\":{\"request\":\"0.1\"}},\"messages\":[{\"role\":\"user\"}]} | provider.max_price",
            "{\"model\":\"a/b\",\"provider\":{\"max_price\":{\"request\":0.0000001}},\"messages\":[{\"role\":\"user\"}]} | provider.max_price",
    })
    void refusesMalformedRoutingFields(String body, String param) {
        GatewayException e = assertThrows(GatewayException.class, () -> ChatRequest.parse(json(body)));
        assertEquals(400, e.status());
        assertEquals(param, e.param());
    }

    @Test
    void noMetadataIsNull() {
        assertEquals(null, ChatRequest.parse(json("""
                {"model":"a/b","messages":[{"role":"user","content":"x"}]}""")).metadataJson());
        assertEquals(null, ChatRequest.parse(json("""
                {"model":"a/b","metadata":null,"messages":[{"role":"user","content":"x"}]}""")).metadataJson());
        assertEquals(null, ChatRequest.parse(json("""
                {"model":"a/b","metadata":{},"messages":[{"role":"user","content":"x"}]}""")).metadataJson());
    }

    @Test
    void metadataIsKeptAsCompactJson() {
        ChatRequest r = ChatRequest.parse(json("""
                {"model":"a/b","metadata":{"tag":"checkout", "team":"a\\"b"},"messages":[{"role":"user","content":"x"}]}"""));
        assertEquals(json("{\"tag\":\"checkout\",\"team\":\"a\\\"b\"}"), json(r.metadataJson()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"tag\"",
            "[\"tag\"]",
            "{\"tag\":1}",
            "{\"tag\":{\"x\":\"y\"}}"})
    void metadataMustBeAnObjectOfStrings(String metadata) {
        GatewayException e = assertThrows(GatewayException.class, () -> ChatRequest.parse(json(
                "{\"model\":\"a/b\",\"metadata\":" + metadata + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")));
        assertEquals(400, e.status());
        assertEquals("metadata", e.param());
    }

    @Test
    void metadataIsBounded() {
        StringBuilder pairs = new StringBuilder("{");
        for (int i = 0; i <= ChatRequest.MAX_METADATA_PAIRS; i++) {
            pairs.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        String tooMany = pairs.append('}').toString();
        String longValue = "{\"k\":\"" + "v".repeat(ChatRequest.MAX_METADATA_VALUE_LENGTH + 1) + "\"}";
        String longKey = "{\"" + "k".repeat(ChatRequest.MAX_METADATA_KEY_LENGTH + 1) + "\":\"v\"}";
        String longestAllowed = "{\"" + "k".repeat(ChatRequest.MAX_METADATA_KEY_LENGTH) + "\":\""
                + "v".repeat(ChatRequest.MAX_METADATA_VALUE_LENGTH) + "\"}";
        for (String bad : List.of(tooMany, longValue, longKey)) {
            assertThrows(GatewayException.class, () -> ChatRequest.parse(json(
                    "{\"model\":\"a/b\",\"metadata\":" + bad + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")), bad);
        }
        assertEquals(json(longestAllowed), json(ChatRequest.parse(json(
                "{\"model\":\"a/b\",\"metadata\":" + longestAllowed + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")).metadataJson()));
    }
}
