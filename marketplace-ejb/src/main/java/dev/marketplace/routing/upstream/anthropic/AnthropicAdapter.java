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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

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
        HttpResponse<String> response = http.post(translate(request, false),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body());
        }
        try {
            return AnthropicResponseTranslator.toOpenAi(parse(response.body(), false), nowSeconds());
        } catch (ClassCastException | NullPointerException e) {
            throw new UpstreamException(502, "upstream sent a reply not in Anthropic's shape", false, e);
        }
    }

    @Override
    public JsonObject stream(JsonObject request, ChunkSink sink) throws UpstreamException, ClientGoneException {
        HttpResponse<InputStream> response = http.post(translate(request, true), HttpResponse.BodyHandlers.ofInputStream());
        AnthropicStreamTranslator translator = new AnthropicStreamTranslator(includeUsage(request), nowSeconds());
        boolean committed = false;
        // closing the body early (the client left, or an error) cancels the upstream call
        try (InputStream body = response.body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (response.statusCode() / 100 != 2) {
                throw failure(response.statusCode(), readSome(lines));
            }
            ServerSentEvents events = new ServerSentEvents(lines);
            String data;
            while ((data = events.next()) != null) {
                for (JsonObject chunk : translateEvent(translator, parse(data, committed), committed)) {
                    sink.accept(chunk);
                    committed = true;
                }
                if (translator.finished()) {
                    return translator.usage();
                }
            }
            throw new UpstreamException(502, "upstream stream ended without message_stop", committed, null);
        } catch (IOException e) {
            throw new UpstreamException(0, "upstream stream broke: " + e.getMessage(), committed, e);
        }
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

    private static String readSome(BufferedReader lines) throws IOException {
        char[] buffer = new char[AnthropicResponseTranslator.MAX_ERROR_BODY_CHARS];
        int n = lines.read(buffer);
        return n <= 0 ? "" : new String(buffer, 0, n);
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }
}
