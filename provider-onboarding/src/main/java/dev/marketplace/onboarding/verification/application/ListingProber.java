package dev.marketplace.onboarding.verification.application;

import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.onboarding.verification.domain.Check;
import dev.marketplace.onboarding.verification.domain.CheckResult;
import dev.marketplace.onboarding.verification.domain.LatencyLimits;
import dev.marketplace.onboarding.verification.domain.ProbeReport;
import dev.marketplace.onboarding.verification.domain.UsageSample;
import dev.marketplace.onboarding.verification.domain.UsageTolerance;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One probe run against one listing through the adapter routing uses for it: a small non-streaming completion, the
 * same streamed, then the verdicts (protocol, completion, streaming, usage against the tokenizer, latency). Each
 * verdict is handed to {@code progress} as soon as it is known. Blocking: run it on a background thread.
 */
public final class ListingProber {
    /** The tokenizer the usage check counts with (the one metering uses when an upstream reports nothing). */
    public static final String TOKENIZER = "cl100k_base";
    static final String PROMPT = "This is an automatic verification probe of the model marketplace. Count from one to"
            + " twenty in English words, separated by single spaces, and write nothing else.";
    static final int MAX_TOKENS = 64;
    private static final String NON_STREAMING = "non-streaming";
    private static final String STREAMING = "streaming";

    private final TokenCounter tokens;
    private final LatencyLimits limits;
    private final LongSupplier clockMs;

    public ListingProber(TokenCounter tokens, LatencyLimits limits, LongSupplier clockMs) {
        this.tokens = tokens;
        this.limits = limits;
        this.clockMs = clockMs;
    }

    public ProbeReport run(String upstreamModel, UpstreamAdapter adapter, Consumer<ProbeReport> progress) {
        long countedPrompt = tokens.promptTokens(List.of(PROMPT));
        ProbeReport report = ProbeReport.empty();

        long start = clockMs.getAsLong();
        JsonObject reply = null;
        String refusal = null;
        try {
            reply = adapter.complete(request(upstreamModel, false));
        } catch (UpstreamException e) {
            refusal = describe(e);
        } catch (RuntimeException e) { // the adapter could not put the request in its protocol's terms
            refusal = "the request could not be sent: " + e.getMessage();
        }
        long completionMs = clockMs.getAsLong() - start;
        String text = reply == null ? null : messageText(reply);
        report = tick(report, protocol(reply, refusal), progress);
        report = tick(report, completion(text, refusal, completionMs), progress);

        Streamed streamed = stream(upstreamModel, adapter);
        report = tick(report, streaming(streamed), progress);

        UsageSample plain = reply == null ? UsageSample.failedCall(NON_STREAMING)
                : sample(NON_STREAMING, reply.get("usage"), countedPrompt, text);
        UsageSample stream = streamed.failure() != null ? UsageSample.failedCall(STREAMING)
                : sample(STREAMING, streamed.usage(), countedPrompt, streamed.text());
        report = tick(report, UsageTolerance.judge(TOKENIZER, List.of(plain, stream)), progress);

        report = tick(report, limits.judge(streamed.firstTokenMs(), streamed.failure() == null ? streamed.totalMs() : null,
                reply == null ? null : completionMs), progress);
        return report;
    }

    private static ProbeReport tick(ProbeReport report, CheckResult result, Consumer<ProbeReport> progress) {
        ProbeReport next = report.with(result);
        progress.accept(next);
        return next;
    }

    static jakarta.json.JsonObject request(String upstreamModel, boolean stream) {
        var b = JsonP.createObjectBuilder().add("model", upstreamModel)
                .add("messages", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                        .add("role", "user").add("content", PROMPT)))
                .add("max_tokens", MAX_TOKENS).add("temperature", 0);
        if (stream) {
            b.add("stream", true).add("stream_options", JsonP.createObjectBuilder().add("include_usage", true));
        }
        return b.build();
    }

    private static CheckResult protocol(JsonObject reply, String refusal) {
        if (reply == null) {
            return CheckResult.fail(Check.PROTOCOL, "The endpoint did not answer a chat completion: " + refusal);
        }
        if (!(reply.get("choices") instanceof JsonArray choices) || choices.isEmpty()
                || !(choices.get(0) instanceof JsonObject first) || !(first.get("message") instanceof JsonObject)) {
            return CheckResult.fail(Check.PROTOCOL, "The reply is not a chat completion: it has no choices[0].message");
        }
        return CheckResult.pass(Check.PROTOCOL, "The endpoint answered a well-formed chat completion", Map.of());
    }

    private static CheckResult completion(String text, String refusal, long completionMs) {
        if (refusal != null) {
            return CheckResult.fail(Check.COMPLETION, "The model did not answer: " + refusal,
                    Map.of("completion_ms", completionMs));
        }
        if (text == null || text.isBlank()) {
            return CheckResult.fail(Check.COMPLETION, "The model answered with no text", Map.of("completion_ms", completionMs));
        }
        return CheckResult.pass(Check.COMPLETION, "The model answered " + text.length() + " characters",
                Map.of("completion_ms", completionMs, "completion_chars", (long) text.length()));
    }

    private static CheckResult streaming(Streamed s) {
        Map<String, Long> numbers = Map.of("chunks", (long) s.chunks());
        if (s.failure() != null) {
            return CheckResult.fail(Check.STREAMING, "The stream failed after " + s.chunks() + " chunk(s): " + s.failure(),
                    numbers);
        }
        if (s.text().isBlank()) {
            return CheckResult.fail(Check.STREAMING, "The stream ended properly but delivered no text", numbers);
        }
        return CheckResult.pass(Check.STREAMING, "The stream delivered " + s.chunks() + " chunk(s) and ended with [DONE]",
                numbers);
    }

    private UsageSample sample(String label, Object usage, long countedPrompt, String text) {
        long countedCompletion = tokens.count(text);
        if (!(usage instanceof JsonObject u)) {
            return new UsageSample(label, null, null, countedPrompt, countedCompletion, false);
        }
        return new UsageSample(label, tokenCount(u, "prompt_tokens"), tokenCount(u, "completion_tokens"), countedPrompt,
                countedCompletion, false);
    }

    private static Long tokenCount(JsonObject usage, String field) {
        return usage.get(field) instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0 ? n.longValue() : null;
    }

    private Streamed stream(String upstreamModel, UpstreamAdapter adapter) {
        StringBuilder text = new StringBuilder();
        long start = clockMs.getAsLong();
        long[] firstToken = {-1};
        int[] chunks = {0};
        JsonObject usage;
        try {
            usage = adapter.stream(request(upstreamModel, true), chunk -> {
                chunks[0]++;
                String delta = deltaText(chunk);
                if (delta != null && !delta.isEmpty()) {
                    if (firstToken[0] < 0) {
                        firstToken[0] = clockMs.getAsLong() - start;
                    }
                    text.append(delta);
                }
            });
        } catch (UpstreamException e) {
            return new Streamed(text.toString(), null, chunks[0], firstOrNull(firstToken[0]), clockMs.getAsLong() - start,
                    describe(e));
        } catch (ClientGoneException | RuntimeException e) {
            return new Streamed(text.toString(), null, chunks[0], firstOrNull(firstToken[0]), clockMs.getAsLong() - start,
                    "the stream was interrupted: " + e.getMessage());
        }
        return new Streamed(text.toString(), usage, chunks[0], firstOrNull(firstToken[0]), clockMs.getAsLong() - start, null);
    }

    private static Long firstOrNull(long ms) {
        return ms < 0 ? null : ms;
    }

    static String messageText(JsonObject reply) {
        return firstChoiceContent(reply, "message");
    }

    private static String deltaText(JsonObject chunk) {
        return firstChoiceContent(chunk, "delta");
    }

    /** {@code choices[0].<field>.content} when it is a string, else null. */
    private static String firstChoiceContent(JsonObject object, String field) {
        if (object.get("choices") instanceof JsonArray choices && !choices.isEmpty()
                && choices.get(0) instanceof JsonObject first && first.get(field) instanceof JsonObject holder
                && holder.get("content") instanceof JsonString content) {
            return content.getString();
        }
        return null;
    }

    private static String describe(UpstreamException e) {
        return (e.status() == 0 ? "no answer" : "HTTP " + e.status()) + ": " + e.getMessage();
    }

    /** What the streamed call delivered; {@code failure} is null when it ended with [DONE]. */
    private record Streamed(String text, JsonObject usage, int chunks, Long firstTokenMs, long totalMs, String failure) {
    }
}
