package dev.marketplace.routing.upstream.anthropic;

import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamException;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import dev.marketplace.routing.upstream.SseListener;
import java.io.StringReader;
import dev.marketplace.routing.upstream.UpstreamHttp;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Chat completions against one Anthropic Messages endpoint, JSON or server-sent events, translated both ways. */
final class AnthropicAdapter implements UpstreamAdapter {
    private final AnthropicHttp http;
    private final Clock clock;

    AnthropicAdapter(AnthropicHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public JsonObject complete(JsonObject request) throws UpstreamException {
        UpstreamHttp.Reply response = http.post(translate(request, false));
        if (response.status() / 100 != 2) {
            throw failure(response.status(), response.body());
        }
        try {
            return AnthropicResponseTranslator.toOpenAi(parse(response.body(), false), nowSeconds());
        } catch (ClassCastException | NullPointerException e) {
            throw new UpstreamException(502, "upstream sent a reply not in Anthropic's shape", false, e);
        }
    }

    @Override
    public CompletableFuture<JsonObject> streamAsync(JsonObject request, ChunkSink sink) {
        JsonObject translated;
        try {
            translated = translate(request, true);
        } catch (UpstreamException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.stream(translated, new Events(new AnthropicStreamTranslator(includeUsage(request), nowSeconds()), sink));
    }

    private static JsonObject translate(JsonObject request, boolean stream) throws UpstreamException {
        try {
            return AnthropicRequestTranslator.toAnthropic(request, stream);
        } catch (IllegalArgumentException e) {
            throw new UpstreamException(400, "cannot send this request to Anthropic: " + e.getMessage(), false, e);
        }
    }

    private static Iterable<JsonObject> translateEvent(AnthropicStreamTranslator translator, JsonObject event,
                                                       boolean committed) throws UpstreamException {
        try {
            return translator.translate(event, committed);
        } catch (ClassCastException | NullPointerException e) {
            throw new UpstreamException(502, "upstream sent an event not in Anthropic's shape", committed, e);
        }
    }

    private static boolean includeUsage(JsonObject request) {
        return request.get("stream_options") instanceof JsonObject options
                && options.get("include_usage") == JsonValue.TRUE;
    }

    private static UpstreamException failure(int status, String body) {
        return new UpstreamException(AnthropicResponseTranslator.status(status),
                AnthropicResponseTranslator.errorMessage(body), false, null);
    }

    private static JsonObject parse(String json, boolean committed) throws UpstreamException {
        try (JsonReader reader = JsonP.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new UpstreamException(502, "upstream sent something that is not JSON", committed, e);
        }
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }

    /** Anthropic's events, each translated into none or more OpenAI chunks; {@code message_stop} ends the stream. */
    private static final class Events implements SseListener<JsonObject> {
        private final AnthropicStreamTranslator translator;
        private final ChunkSink sink;
        private volatile boolean committed;

        Events(AnthropicStreamTranslator translator, ChunkSink sink) {
            this.translator = translator;
            this.sink = sink;
        }

        @Override
        public boolean event(String data) throws UpstreamException, ClientGoneException {
            for (JsonObject chunk : translateEvent(translator, parse(data, committed), committed)) {
                sink.accept(chunk);
                committed = true;
            }
            return translator.finished();
        }

        @Override
        public JsonObject result() {
            return translator.usage();
        }

        @Override
        public boolean committed() {
            return committed;
        }

        @Override
        public UpstreamException refused(int status, String body) {
            return failure(status, body);
        }

        @Override
        public UpstreamException endedEarly() {
            return new UpstreamException(502, "upstream stream ended without message_stop", committed, null);
        }

        @Override
        public void whenReady(Runnable resume) {
            sink.whenReady(resume);
        }
    }
}
