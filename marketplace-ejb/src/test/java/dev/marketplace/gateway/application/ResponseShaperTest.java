package dev.marketplace.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.gateway.domain.ChatRequest;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.domain.Route;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A streamed chunk written straight to text is the same JSON as the chunk built as an object. */
class ResponseShaperTest {
    private static final Route ROUTE = HoldSizingTest.route(1, 2);
    private static final Call CALL = new Call("gen-1-abc", new KeyState(1, 2, true), ChatRequest.parse(json("""
            {"model":"a/b","stream":true,"messages":[{"role":"user","content":"hi"}]}""")), List.of(ROUTE), 3, 100,
            1_000, System.nanoTime());

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"id":"up-1","object":"chat.completion.chunk","created":1,"model":"up","choices":[{"index":0,"delta":{"content":"Hé \\"x\\"\\n"},"finish_reason":null}]}""",
            """
            {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"system_fingerprint":"fp","provider":"theirs"}""",
            "{}"})
    void chunkTextEqualsTheBuiltChunk(String upstream) {
        JsonObject chunk = json(upstream);
        String text = ResponseShaper.chunkText(chunk, CALL, ROUTE);

        assertEquals(ResponseShaper.chunk(chunk, CALL, ROUTE), json(text));
        assertTrue(text.startsWith("{\"id\":\"gen-1-abc\""), text);
    }

    @org.junit.jupiter.api.Test
    void usageCarriesCachedTokensAndCostNextToTheUpstreamsDetails() {
        JsonObject upstream = json("""
                {"id":"up","object":"chat.completion","choices":[],
                 "usage":{"prompt_tokens":800,"completion_tokens":50,"total_tokens":850,
                          "prompt_tokens_details":{"cached_tokens":600,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}""");
        JsonObject usage = ResponseShaper.reply(upstream, CALL, ROUTE, new Metered(800, 600, 0, 50, 460, false))
                .getJsonObject("usage");
        assertEquals(json("""
                {"prompt_tokens":800,"completion_tokens":50,"total_tokens":850,
                 "prompt_tokens_details":{"cached_tokens":600,"audio_tokens":0,"cache_write_tokens":0},
                 "completion_tokens_details":{"reasoning_tokens":0},"cost":0.000460}"""), usage);
        assertEquals("0.000460", usage.getJsonNumber("cost").bigDecimalValue().toPlainString(), "micro-USD exactly");
    }

    @org.junit.jupiter.api.Test
    void aNewUsageChunkDetailsCachedTokensToo() {
        JsonObject usage = ResponseShaper.usageChunk(null, CALL, ROUTE, new Metered(30, 20, 5, 7, 12, false))
                .getJsonObject("usage");
        assertEquals(json("{\"cached_tokens\":20,\"cache_write_tokens\":5}"), usage.get("prompt_tokens_details"));
        assertEquals(37, usage.getInt("total_tokens"));
    }

    private static JsonObject json(String text) {
        return JsonP.createReader(new StringReader(text)).readObject();
    }
}
