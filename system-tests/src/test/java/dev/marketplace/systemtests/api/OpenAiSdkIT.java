package dev.marketplace.systemtests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.TestTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at the marketplace, works unchanged: replies, streams, models, errors. */
class OpenAiSdkIT {
    private static final String MESSAGE = "What does the SDK see?";
    private static OpenAIClient client;

    @BeforeAll
    static void connect() {
        client = client(TestTarget.apiKey());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void chatCompletionEchoesTheMessageWithUsageAndCost() {
        ChatCompletion reply = client.chat().completions().create(params(MESSAGE));

        assertEquals("Echo: " + MESSAGE, reply.choices().get(0).message().content().orElseThrow());
        assertEquals(Pricing.MODEL, reply.model());
        assertTrue(reply.id().startsWith("gen-"), reply.id());
        CompletionUsage usage = reply.usage().orElseThrow();
        assertTrue(usage.promptTokens() > 0 && usage.completionTokens() > 0, usage.toString());
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());
        double cost = usage._additionalProperties().get("cost").convert(Double.class);
        assertEquals(Pricing.costMicros(usage.promptTokens(), usage.completionTokens()) / 1e6, cost, 1e-9);
    }

    @Test
    void streamedDeltasAddUpToTheSameTextAndEndWithUsage() {
        CompletionUsage whole = client.chat().completions().create(params(MESSAGE)).usage().orElseThrow();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(MESSAGE))) {
            chunks = stream.stream().toList();
        }

        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        assertEquals("Echo: " + MESSAGE, text.toString());
        String id = chunks.get(0).id();
        assertTrue(id.startsWith("gen-"), id);
        chunks.forEach(chunk -> assertEquals(id, chunk.id(), "one generation id across the stream"));
        chunks.forEach(chunk -> assertEquals(Pricing.MODEL, chunk.model()));
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertEquals(List.of(), last.choices(), "the usage chunk has no choices");
        CompletionUsage usage = last.usage().orElseThrow(() -> new AssertionError("no usage on the final chunk"));
        assertEquals(whole.promptTokens(), usage.promptTokens(), "same prompt tokens as the non-streamed call");
        assertEquals(whole.completionTokens(), usage.completionTokens(), "same completion tokens as the non-streamed call");
        assertEquals(1, chunks.stream().filter(c -> c.usage().isPresent()).count(), "usage only on the final chunk");
    }

    @Test
    void modelsListContainsTheSimulator() {
        List<Model> models = client.models().list().data();

        Optional<Model> echo = models.stream().filter(m -> m.id().equals(Pricing.MODEL)).findFirst();
        assertTrue(echo.isPresent(), () -> "models: " + models);
        assertEquals("sim", echo.get().ownedBy());
    }

    @Test
    void badKeyIsUnauthorized() {
        OpenAIClient wrongKey = client("sk-mk-v1-" + "0".repeat(64));
        try {
            UnauthorizedException e = assertThrows(UnauthorizedException.class,
                    () -> wrongKey.chat().completions().create(params(MESSAGE)));
            assertEquals(401, e.statusCode());
            assertEquals(Optional.of("authentication_error"), e.type());
        } finally {
            wrongKey.close();
        }
    }

    @Test
    void unknownModelIsNotFound() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("sim/no-such-model").addUserMessage(MESSAGE).build();

        NotFoundException e = assertThrows(NotFoundException.class, () -> client.chat().completions().create(params));
        assertEquals(404, e.statusCode());
        assertEquals(Optional.of("invalid_request_error"), e.type());
        assertEquals(Optional.of("model"), e.param());
    }

    private static ChatCompletionCreateParams params(String message) {
        return ChatCompletionCreateParams.builder().model(Pricing.MODEL).addUserMessage(message).build();
    }

    private static OpenAIClient client(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl(TestTarget.apiUrl()).apiKey(apiKey)
                .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }
}
