package dev.marketplace.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.routing.domain.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptRequestsTest {
    static ChatRequest parse(Operation op, String body) {
        return ChatRequest.parse(op, ChatRequestTest.json(body));
    }

    @Test
    void legacyCompletionsTakeStringsOrTokenIdsAndStream() {
        ChatRequest r = parse(Operation.COMPLETIONS, """
                {"model":"sim/echo-1:floor","prompt":["Once","upon"],"max_tokens":9,"stream":true}""");
        assertEquals(Operation.COMPLETIONS, r.operation());
        assertEquals("sim/echo-1", r.model());
        assertEquals(List.of("Once", "upon"), r.messageTexts());
        assertEquals(9, r.maxTokens());
        assertEquals("max_tokens", r.maxTokensField());
        assertTrue(r.stream());
        ChatRequest ids = parse(Operation.COMPLETIONS, """
                {"model":"a/b","prompt":[[1,2,3],[4,5]]}""");
        assertEquals(5, ids.promptTokenIds());
        assertEquals(List.of(), ids.messageTexts());
        assertEquals(3, parse(Operation.COMPLETIONS, """
                {"model":"a/b","prompt":[7,8,9]}""").promptTokenIds());
    }

    @Test
    void embeddingsHaveNoOutputCapAndNeverStream() {
        ChatRequest r = parse(Operation.EMBEDDINGS, """
                {"model":"sim/echo-1","input":"hello","encoding_format":"base64","dimensions":8}""");
        assertEquals(Operation.EMBEDDINGS, r.operation());
        assertEquals(List.of("hello"), r.messageTexts());
        assertEquals(0, r.maxTokens());
        assertNull(r.maxTokensField());
        assertFalse(r.stream());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMPLETIONS | {\"model\":\"a/b\"}                                              | prompt",
            "COMPLETIONS | {\"model\":\"a/b\",\"prompt\":[]}                                | prompt",
            "COMPLETIONS | {\"model\":\"a/b\",\"prompt\":[\"x\",1]}                         | prompt",
            "COMPLETIONS | {\"model\":\"a/b\",\"prompt\":[-1]}                              | prompt",
            "COMPLETIONS | {\"model\":\"a/b\",\"prompt\":\"x\",\"max_tokens\":0}            | max_tokens",
            "COMPLETIONS | {\"prompt\":\"x\"}                                               | model",
            "EMBEDDINGS  | {\"model\":\"a/b\",\"input\":{}}                                 | input",
            "EMBEDDINGS  | {\"model\":\"a/b\",\"input\":\"x\",\"stream\":true}              | stream",
            "EMBEDDINGS  | {\"model\":\"a/b\",\"input\":\"x\",\"encoding_format\":\"hex\"}  | encoding_format",
            "EMBEDDINGS  | {\"model\":\"a/b\",\"input\":\"x\",\"dimensions\":0}             | dimensions",
            "EMBEDDINGS  | {\"model\":\"a/b\",\"input\":[[]]}                              | input",
    })
    void refusesMalformedPromptsNamingTheParameter(Operation op, String body, String param) {
        GatewayException e = assertThrows(GatewayException.class, () -> parse(op, body));
        assertEquals(400, e.status());
        assertEquals(param, e.param());
    }
}
