package dev.marketplace.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
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
}
