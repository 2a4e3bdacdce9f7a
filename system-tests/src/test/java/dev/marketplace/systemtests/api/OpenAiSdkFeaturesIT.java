package dev.marketplace.systemtests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.LedgerAssertions;
import dev.marketplace.systemtests.support.NamedStubs;
import dev.marketplace.systemtests.support.Pricing;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI Java SDK beyond plain chat: a tool-call round trip and image parts (through the recording stub
 * {@code test/params}, so what reached the upstream is checked too), legacy completions and embeddings (the built-in
 * simulator, with their exact charges in the ledger), and the errors of the new endpoints as the SDK's exceptions.
 */
class OpenAiSdkFeaturesIT {
    private static final String PARAMS_MODEL = "test/params";
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    private static StubUpstreams stubs;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        stubs = StubUpstreams.start();
        client = OpenAIOkHttpClient.builder().baseUrl(TestTarget.apiUrl()).apiKey(TestTarget.apiKey())
                .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        stubs.close();
    }

    @Test
    void toolCallRoundTrip() {
        ChatCompletionFunctionTool tool = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name(NamedStubs.TOOL_NAME).description("Current weather in a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build())
                .build()).build();
        ChatCompletionCreateParams first = ChatCompletionCreateParams.builder().model(PARAMS_MODEL)
                .addUserMessage("Weather in Paris?").addTool(tool).build();

        ChatCompletion call = client.chat().completions().create(first);
        ChatCompletionMessage asked = call.choices().get(0).message();
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, call.choices().get(0).finishReason());
        ChatCompletionMessageFunctionToolCall toolCall = asked.toolCalls().orElseThrow().get(0).asFunction();
        assertEquals(NamedStubs.TOOL_NAME, toolCall.function().name());
        assertEquals("{\"city\":\"Paris\"}", toolCall.function().arguments());
        JsonObject sentTools = NamedStubs.lastRequest("recorder", "chat/completions").getJsonArray("tools").getJsonObject(0);
        assertEquals(NamedStubs.TOOL_NAME, sentTools.getJsonObject("function").getString("name"));
        assertEquals("object", sentTools.getJsonObject("function").getJsonObject("parameters").getString("type"));

        ChatCompletion answer = client.chat().completions().create(first.toBuilder().addMessage(asked)
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(toolCall.id()).content("18 C, sunny").build())
                .build());
        assertEquals("tool said: 18 C, sunny", answer.choices().get(0).message().content().orElseThrow());
        var messages = NamedStubs.lastRequest("recorder", "chat/completions").getJsonArray("messages");
        JsonObject assistant = messages.getJsonObject(1);
        assertEquals(toolCall.id(), assistant.getJsonArray("tool_calls").getJsonObject(0).getString("id"));
        assertEquals("tool", messages.getJsonObject(2).getString("role"));
        assertEquals(toolCall.id(), messages.getJsonObject(2).getString("tool_call_id"));
    }

    @Test
    void imagePartsReachTheUpstreamUnchanged() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(PARAMS_MODEL)
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("What is this?").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(PNG)
                                        .detail(ChatCompletionContentPartImage.ImageUrl.Detail.LOW).build())
                                .build())))
                .build();

        ChatCompletion reply = client.chat().completions().create(params);
        assertEquals("served by recorder", reply.choices().get(0).message().content().orElseThrow());
        var parts = NamedStubs.lastRequest("recorder", "chat/completions").getJsonArray("messages").getJsonObject(0)
                .getJsonArray("content");
        assertEquals("What is this?", parts.getJsonObject(0).getString("text"));
        assertEquals("image_url", parts.getJsonObject(1).getString("type"));
        assertEquals(PNG, parts.getJsonObject(1).getJsonObject("image_url").getString("url"));
        assertEquals("low", parts.getJsonObject(1).getJsonObject("image_url").getString("detail"));
    }

    @Test
    void legacyCompletionsEchoThePromptAndAreChargedExactly() throws Exception {
        Completion completion = client.completions().create(CompletionCreateParams.builder()
                .model(Pricing.MODEL).prompt("Say this is a test").maxTokens(50).build());

        assertEquals("Echo: Say this is a test", completion.choices().get(0).text());
        assertTrue(completion.id().startsWith("gen-"), completion.id());
        var usage = completion.usage().orElseThrow();
        assertTrue(usage.promptTokens() > 0 && usage.completionTokens() > 0, usage.toString());
        assertCharged(completion.id(), Pricing.costMicros(usage.promptTokens(), usage.completionTokens()));

        StringBuilder text = new StringBuilder();
        try (StreamResponse<Completion> stream = client.completions().createStreaming(CompletionCreateParams.builder()
                .model(Pricing.MODEL).prompt("Say this is a test").maxTokens(50).build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> text.append(c.text())));
        }
        assertEquals("Echo: Say this is a test", text.toString());
    }

    @Test
    void embeddingsAreBilledOnInputTokensOnly() throws Exception {
        CreateEmbeddingResponse reply = client.embeddings().create(EmbeddingCreateParams.builder()
                .model(Pricing.MODEL).input("The food was delicious").dimensions(8).build());

        assertEquals(1, reply.data().size());
        List<Float> vector = reply.data().get(0).embedding();
        assertEquals(8, vector.size());
        double norm = vector.stream().mapToDouble(f -> f * f).sum();
        assertEquals(1.0, norm, 1e-4, "the simulator returns unit vectors");
        long promptTokens = reply.usage().promptTokens();
        assertEquals(4, promptTokens, "'The food was delicious' is 4 cl100k tokens");
        assertEquals(promptTokens, reply.usage().totalTokens());
        String id = reply._additionalProperties().get("id").convert(String.class);
        assertCharged(id, Pricing.costMicros(promptTokens, 0));
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.usage(c, id).orElseThrow().completionTokens());
        }
    }

    @Test
    void errorsOfTheNewEndpointsAreTheSdksExceptions() {
        NotFoundException noEmbeddings = assertThrows(NotFoundException.class, () -> client.embeddings().create(
                EmbeddingCreateParams.builder().model("test/anthropic").input("x").build()));
        assertEquals(Optional.of("provider"), noEmbeddings.param());
        assertTrue(noEmbeddings.getMessage().contains("/embeddings"), noEmbeddings.getMessage());

        BadRequestException badDimensions = assertThrows(BadRequestException.class, () -> client.embeddings().create(
                EmbeddingCreateParams.builder().model(Pricing.MODEL).input("x").dimensions(0).build()));
        assertEquals(Optional.of("dimensions"), badDimensions.param());

        NotFoundException unknown = assertThrows(NotFoundException.class, () -> client.completions().create(
                CompletionCreateParams.builder().model("sim/nope").prompt("x").build()));
        assertEquals(Optional.of("model"), unknown.param());

        RateLimitException drained = null;
        for (int i = 0; i < 3 && drained == null; i++) { // test/rpm-sdk takes two requests a minute
            try {
                client.chat().completions().create(ChatCompletionCreateParams.builder().model("test/rpm-sdk")
                        .addUserMessage("x").maxCompletionTokens(10).build());
            } catch (RateLimitException e) {
                drained = e;
            }
        }
        assertTrue(drained != null, "the third call within a minute is a 429");
        assertEquals(Optional.of("rate_limit_error"), drained.type());
        assertTrue(drained.headers().values("Retry-After").size() == 1, "Retry-After is set");
    }

    private static void assertCharged(String id, long grossMicros) throws Exception {
        try (Connection c = Db.connect()) {
            Db.Usage usage = Db.usage(c, id).orElseThrow();
            assertEquals("ok", usage.status());
            assertEquals(grossMicros, usage.costMicros());
            assertEquals(Optional.of("usage"), Db.journalKind(c, id));
            long net = Db.postings(c, id).stream().mapToLong(Db.Posting::amountMicros).sum();
            assertEquals(0, net, "the journal balances");
            long debited = -Db.postings(c, id).stream().filter(p -> p.accountCode().endsWith(":credit"))
                    .mapToLong(Db.Posting::amountMicros).sum();
            assertEquals(grossMicros, debited, "the developer paid exactly the cost");
            LedgerAssertions.assertHoldClosed(c, id, "settled");
        }
    }
}
