package dev.marketplace.routing.upstream.anthropic;

import static dev.marketplace.routing.upstream.anthropic.AnthropicRequestTranslatorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.json.JsonObject;
import dev.marketplace.routing.upstream.UpstreamHttp;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter end to end against a local stub replaying Anthropic's documented replies and event streams. */
class AnthropicAdapterTest {
    private static final String STREAM_REQUEST = """
            {"model":"claude-3-5-sonnet-20241022","max_tokens":1024,"stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}]}""";
    private static final String REQUEST = """
            {"model":"claude-3-7-sonnet-20250219","max_completion_tokens":1024,
             "messages":[{"role":"user","content":"Hello"}]}""";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AnthropicStub stub;
    private AnthropicAdapter adapter;
    private final List<JsonObject> chunks = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = new AnthropicStub();
        Route.Endpoint endpoint = new Route.Endpoint(1, AnthropicAdapterFactory.ID, stub.baseUrl(), "sk-ant-test", 5_000);
        adapter = new AnthropicAdapter(new AnthropicHttp(new UpstreamHttp(client), endpoint),
                Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void postsTheTranslatedRequestWithAnthropicsHeaders() throws Exception {
        stub.replay(200, "message-text.json");
        adapter.complete(json(REQUEST).asJsonObject());
        assertEquals("/v1/messages", stub.lastPath);
        assertEquals("sk-ant-test", stub.lastHeaders.getFirst("x-api-key"));
        assertEquals("2023-06-01", stub.lastHeaders.getFirst("anthropic-version"));
        assertEquals("application/json", stub.lastHeaders.getFirst("content-type"));
        assertEquals(json("""
                {"model":"claude-3-7-sonnet-20250219","max_tokens":1024,
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}]}"""), json(stub.lastBody));
    }

    @Test
    void textReplyBecomesACompletionWithCacheTokensCountedAsPrompt() throws Exception {
        stub.replay(200, "message-text.json");
        assertEquals(json("""
                {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","object":"chat.completion","created":1700000000,
                 "model":"claude-3-7-sonnet-20250219",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi! My name is Claude."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":2110,"completion_tokens":503,"total_tokens":2613,
                   "prompt_tokens_details":{"cached_tokens":5,"cache_write_tokens":10}}}"""),
                adapter.complete(json(REQUEST).asJsonObject()));
    }

    @Test
    void toolUseReplyBecomesToolCalls() throws Exception {
        stub.replay(200, "message-tool-use.json");
        assertEquals(json("""
                {"id":"msg_01Aq9w938a90dw8q","object":"chat.completion","created":1700000000,
                 "model":"claude-3-7-sonnet-20250219",
                 "choices":[{"index":0,"message":{"role":"assistant",
                   "content":"I'll check the current weather in San Francisco for you.",
                   "tool_calls":[{"id":"toolu_01A09q90qw90lq917835lq9","type":"function","function":{"name":"get_weather",
                     "arguments":"{\\"location\\":\\"San Francisco, CA\\",\\"unit\\":\\"celsius\\"}"}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":384,"completion_tokens":69,"total_tokens":453,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0}}}"""),
                adapter.complete(json(REQUEST).asJsonObject()));
    }

    @Test
    void errorStatusCarriesAnthropicsMessage() {
        stub.reply(400, "application/json", """
                {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: 9999999 > 8192"}}""");
        UpstreamException e = assertThrows(UpstreamException.class, () -> adapter.complete(json(REQUEST).asJsonObject()));
        assertEquals(400, e.status());
        assertEquals("max_tokens: 9999999 > 8192", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void overloadedStatusIsARetryable503() {
        stub.reply(529, "application/json", """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunks::add));
        assertEquals(503, e.status());
        assertEquals("Overloaded", e.getMessage());
        assertTrue(e.retryable());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void untranslatableRequestIsTheCallersError() {
        UpstreamException e = assertThrows(UpstreamException.class, () -> adapter.complete(json("""
                {"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"input_audio"}]}]}""").asJsonObject()));
        assertEquals(400, e.status());
        assertNull(stub.lastPath, "nothing was sent");
    }

    @Test
    void embeddingsAndLegacyCompletionsAreNotSupportedAndRoutingSkipsThem() {
        for (Operation op : List.of(Operation.EMBEDDINGS, Operation.COMPLETIONS)) {
            UpstreamException e = assertThrows(UpstreamException.class,
                    () -> adapter.call(op, json("{\"model\":\"m\",\"input\":\"x\"}").asJsonObject()));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("not supported by this provider"), e.getMessage());
            assertFalse(e.retryable());
        }
        assertNull(stub.lastPath, "nothing was sent");
        AnthropicAdapterFactory factory = new AnthropicAdapterFactory();
        try {
            assertTrue(factory.supports(Operation.CHAT_COMPLETIONS));
            assertFalse(factory.supports(Operation.EMBEDDINGS));
            assertFalse(factory.supports(Operation.COMPLETIONS));
        } finally {
            factory.close();
        }
    }

    @Test
    void streamedTextBecomesChunksWithUsageOnceAtTheEnd() throws Exception {
        stub.replay(200, "stream-text.sse");
        JsonObject usage = adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunks::add);
        assertEquals(json(AnthropicStub.fixture("stream-text.chunks.json")), json(chunks.toString()));
        assertEquals(json("""
                {"prompt_tokens":25,"completion_tokens":15,"total_tokens":40,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0}}"""), usage);
        assertEquals(json("""
                {"model":"claude-3-5-sonnet-20241022","max_tokens":1024,"system":"Be brief.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}],"stream":true}"""), json(stub.lastBody));
    }

    @Test
    void streamedToolUseBecomesToolCallDeltas() throws Exception {
        stub.replay(200, "stream-tool-use.sse");
        JsonObject usage = adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunks::add);
        assertEquals(json(AnthropicStub.fixture("stream-tool-use.chunks.json")), json(chunks.toString()));
        assertEquals(json("""
                {"prompt_tokens":472,"completion_tokens":89,"total_tokens":561,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0}}"""), usage);
    }

    @Test
    void streamedCacheReadsAndWritesAreDetailedInTheUsage() throws Exception {
        stub.replay(200, "stream-cached.sse");
        JsonObject usage = adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunks::add);
        JsonObject expected = json("""
                {"prompt_tokens":2081,"completion_tokens":12,"total_tokens":2093,
                 "prompt_tokens_details":{"cached_tokens":2048,"cache_write_tokens":30}}""").asJsonObject();
        assertEquals(expected, usage, "input 3 + cache write 30 + cache read 2048, the newest count of each winning");
        assertEquals(expected, chunks.get(chunks.size() - 1).get("usage"), "the usage chunk says the same");
    }

    @Test
    void withoutIncludeUsageNoUsageChunkButUsageReturned() throws Exception {
        stub.replay(200, "stream-text.sse");
        JsonObject usage = adapter.stream(json("""
                {"model":"m","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"Hello"}]}""").asJsonObject(),
                chunks::add);
        assertEquals(4, chunks.size());
        assertTrue(chunks.stream().noneMatch(c -> c.containsKey("usage")));
        assertEquals(40, usage.getInt("total_tokens"));
    }

    @Test
    void errorEventAfterContentIsCommittedOverloaded() {
        stub.replay(200, "stream-error.sse");
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunks::add));
        assertEquals(503, e.status());
        assertEquals("Overloaded", e.getMessage());
        assertTrue(e.committed());
        assertFalse(e.retryable());
        assertEquals(1, chunks.size());
        assertEquals(json("{\"role\":\"assistant\",\"content\":\"Hello\"}"),
                chunks.get(0).getJsonArray("choices").getJsonObject(0).get("delta"));
    }

    @Test
    void errorEventBeforeContentCanFailOver() {
        stub.reply(200, "text/event-stream", """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":3,"output_tokens":1}}}

                event: ping
                data: {"type":"ping"}

                event: error
                data: {"type":"error","error":{"type":"api_error","message":"Internal server error"}}

                """);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunks::add));
        assertEquals(502, e.status());
        assertFalse(e.committed());
        assertTrue(e.retryable());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void streamCutBeforeMessageStopIsAnError() {
        String fixture = AnthropicStub.fixture("stream-text.sse");
        stub.reply(200, "text/event-stream", fixture.substring(0, fixture.indexOf("event: message_delta")));
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunks::add));
        assertEquals(502, e.status());
        assertTrue(e.committed());
        assertEquals(3, chunks.size());
    }

    @Test
    void clientThatLeavesStopsTheUpstreamRead() throws Exception {
        String fixture = AnthropicStub.fixture("stream-text.sse");
        stub.reply(200, "text/event-stream", fixture.substring(0, fixture.indexOf("event: content_block_stop"))).endless();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(ClientGoneException.class,
                () -> adapter.stream(json(STREAM_REQUEST).asJsonObject(), chunk -> {
                    chunks.add(chunk);
                    throw new ClientGoneException(null);
                })));
        assertEquals(1, chunks.size(), "no chunk after the client left");
        assertTrue(stub.clientLeft.await(5, TimeUnit.SECONDS), "the upstream connection was closed");
    }

    @Test
    void factoryIsFoundByItsId() {
        AnthropicAdapterFactory factory = new AnthropicAdapterFactory();
        try {
            assertEquals("anthropic", factory.id());
            assertTrue(factory.create(new Route.Endpoint(2, "anthropic", "https://api.anthropic.com/v1", "k", 1_000))
                    instanceof AnthropicAdapter);
        } finally {
            factory.close();
        }
    }
}
