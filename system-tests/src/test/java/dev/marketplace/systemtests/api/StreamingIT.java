package dev.marketplace.systemtests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.ChatApi.Generation;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.Sse;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw server-sent events of a streamed completion, as OpenAI clients parse them. */
class StreamingIT {
    private static final String MESSAGE = "Stream me, one word at a time";

    @Test
    void everyEventIsOneDataLineAndTheStreamEndsWithDone() {
        HttpResponse<String> r = ChatApi.post(MESSAGE, true, 0);

        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        List<String> payloads = Sse.dataPayloads(r.body());
        assertEquals(Sse.DONE, payloads.get(payloads.size() - 1));
        assertEquals(1, payloads.stream().filter(Sse.DONE::equals).count(), "exactly one [DONE]");
        payloads.subList(0, payloads.size() - 1).forEach(p -> assertTrue(p.startsWith("{") && p.endsWith("}"), p));
        assertTrue(payloads.size() >= 4, () -> "content chunks, a finish chunk and a usage chunk: " + payloads);
    }

    @Test
    void chunksCarryTheGenerationIdOfTheHeaderAndTheLastOneCarriesUsageWithCost() {
        HttpResponse<String> r = ChatApi.post(MESSAGE, true, 0);
        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        List<JsonObject> chunks = ChatApi.chunks(r.body());

        String header = r.headers().firstValue(ChatApi.GENERATION_HEADER).orElseThrow();
        assertTrue(header.startsWith("gen-"), header);
        for (JsonObject chunk : chunks) {
            assertEquals(header, chunk.getString("id"), chunk::toString);
            assertEquals("chat.completion.chunk", chunk.getString("object"));
            assertEquals(Pricing.MODEL, chunk.getString("model"));
        }
        JsonObject last = chunks.get(chunks.size() - 1);
        assertEquals(0, last.getJsonArray("choices").size(), last::toString);
        JsonObject usage = last.getJsonObject("usage");
        long prompt = usage.getJsonNumber("prompt_tokens").longValueExact();
        long completion = usage.getJsonNumber("completion_tokens").longValueExact();
        assertTrue(prompt > 0 && completion > 0, usage::toString);
        assertEquals(Pricing.costMicros(prompt, completion), Pricing.usdToMicros(usage.getJsonNumber("cost").bigDecimalValue()));
        chunks.subList(0, chunks.size() - 1).forEach(c -> assertFalse(c.containsKey("usage"), c::toString));
    }

    @Test
    void streamedTextEqualsTheNonStreamedReply() {
        Generation whole = ChatApi.complete(MESSAGE);
        Generation streamed = ChatApi.stream(MESSAGE, 0);

        assertEquals("Echo: " + MESSAGE, whole.text());
        assertEquals(whole.text(), streamed.text());
        assertEquals("stop", streamed.finishReason());
        assertEquals(whole.promptTokens(), streamed.promptTokens());
        assertEquals(whole.completionTokens(), streamed.completionTokens());
        assertEquals(whole.costMicros(), streamed.costMicros());
    }

    @Test
    void maxTokensCutsTheStreamWithFinishReasonLength() {
        Generation g = ChatApi.stream("Cut this echo short now", 2);

        assertEquals(2, g.completionTokens(), g::toString);
        assertEquals("length", g.finishReason());
        assertEquals("Echo:", g.text(), "the first two cl100k tokens of the echo");
        // an odd prompt count makes the exact price end in half a micro-dollar: it must be rounded up, not down
        assertEquals(1, g.promptTokens() % 2, () -> "prompt tokens " + g.promptTokens());
        assertEquals(Pricing.costMicros(g.promptTokens(), 2), g.costMicros());
        assertEquals((g.promptTokens() + 7) / 2, g.costMicros(), "ceil((p × 0.5 + 2 × 1.5)) micro-USD");
    }
}
