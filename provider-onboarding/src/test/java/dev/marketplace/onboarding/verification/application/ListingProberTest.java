package dev.marketplace.onboarding.verification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.onboarding.verification.domain.Check;
import dev.marketplace.onboarding.verification.domain.CheckResult;
import dev.marketplace.onboarding.verification.domain.LatencyLimits;
import dev.marketplace.onboarding.verification.domain.ProbeReport;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ListingProberTest {
    private static final String REPLY = "one two three four five six seven eight nine ten eleven twelve thirteen"
            + " fourteen fifteen sixteen seventeen eighteen nineteen twenty";
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final long PROMPT = TOKENS.promptTokens(List.of(ListingProber.PROMPT));
    private static final long COMPLETION = TOKENS.count(REPLY);

    private final AtomicLong clock = new AtomicLong();
    private final List<ProbeReport> progress = new ArrayList<>();

    private ProbeReport probe(UpstreamAdapter adapter) {
        return new ListingProber(TOKENS, new LatencyLimits(10_000, 30_000), clock::get).run("up-1", adapter, progress::add);
    }

    @Test
    void anHonestUpstreamPassesEveryCheckTickingThemOffInOrder() {
        ProbeReport report = probe(new Fake(1, false, true));
        assertTrue(report.passed(), report.toJson());
        assertEquals(Check.values().length, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals(i + 1, progress.get(i).results().size());
            assertEquals(Check.values()[i], progress.get(i).results().get(i).check());
        }
        CheckResult usage = result(report, Check.USAGE);
        assertEquals(PROMPT, usage.numbers().get("streaming_prompt_counted"));
        assertEquals(COMPLETION, usage.numbers().get("non_streaming_completion_reported"));
    }

    @Test
    void usageWithinTheEdgePasses() {
        // 1.35 × would need exact arithmetic on the counts; +30% of both is safely inside, rounded down
        assertTrue(probe(new Fake(1.30, false, true)).passed());
    }

    @Test
    void aLyingUpstreamFailsTheUsageCheckAlone() {
        ProbeReport report = probe(new Fake(3, false, true));
        assertFalse(report.passed());
        assertEquals(List.of("usage"), report.failedChecks());
        assertTrue(result(report, Check.USAGE).message().contains("+200%"), result(report, Check.USAGE).message());
    }

    @Test
    void missingUsageFailsTheUsageCheck() {
        ProbeReport report = probe(new Fake(0, false, false));
        assertEquals(List.of("usage"), report.failedChecks());
        assertTrue(result(report, Check.USAGE).message().contains("reported no usage"));
    }

    @Test
    void aBrokenStreamFailsStreamingUsageAndLatency() {
        ProbeReport report = probe(new Fake(1, true, true));
        assertFalse(report.passed());
        assertEquals(List.of("streaming", "usage", "latency"), report.failedChecks());
        assertTrue(result(report, Check.STREAMING).message().contains("ended without [DONE]"),
                result(report, Check.STREAMING).message());
        assertTrue(result(report, Check.PROTOCOL).passed());
    }

    @Test
    void anEndpointThatRefusesFailsProtocolAndCompletionWithTheReason() {
        UpstreamAdapter notFound = new UpstreamAdapter() {
            @Override
            public JsonObject complete(JsonObject request) throws UpstreamException {
                throw new UpstreamException(404, "Not Found", false, null);
            }

            @Override
            public CompletableFuture<JsonObject> streamAsync(JsonObject request, ChunkSink sink) {
                return CompletableFuture.failedFuture(new UpstreamException(404, "Not Found", false, null));
            }
        };
        ProbeReport report = probe(notFound);
        assertEquals(List.of("protocol", "completion", "streaming", "usage", "latency"), report.failedChecks());
        assertTrue(result(report, Check.PROTOCOL).message().contains("HTTP 404"));
    }

    @Test
    void latencyIsMeasuredFromTheClock() {
        ProbeReport report = probe(new Fake(1, false, true));
        CheckResult latency = result(report, Check.LATENCY);
        assertEquals(5L, latency.numbers().get("first_token_ms"));
        assertEquals(10L, latency.numbers().get("stream_total_ms"));
        assertEquals(5L, latency.numbers().get("completion_ms"));
    }

    private static CheckResult result(ProbeReport report, Check check) {
        return report.results().stream().filter(r -> r.check() == check).findFirst().orElseThrow();
    }

    /** Answers REPLY; reports usage × factor (none when !usage); the stream breaks before [DONE] when asked. */
    private final class Fake implements UpstreamAdapter {
        private final double factor;
        private final boolean breaks;
        private final boolean usage;

        Fake(double factor, boolean breaks, boolean usage) {
            this.factor = factor;
            this.breaks = breaks;
            this.usage = usage;
        }

        private JsonObject usageObject() {
            return JsonP.createObjectBuilder().add("prompt_tokens", (long) (PROMPT * factor))
                    .add("completion_tokens", (long) (COMPLETION * factor)).build();
        }

        @Override
        public JsonObject complete(JsonObject request) {
            clock.addAndGet(5);
            var b = JsonP.createObjectBuilder().add("choices", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                    .add("index", 0).add("message", JsonP.createObjectBuilder().add("role", "assistant")
                            .add("content", REPLY))));
            if (usage) {
                b.add("usage", usageObject());
            }
            return b.build();
        }

        @Override
        public CompletableFuture<JsonObject> streamAsync(JsonObject request, ChunkSink sink) {
            assertTrue(request.getBoolean("stream"));
            try {
                clock.addAndGet(5);
                sink.accept(delta(REPLY.substring(0, 20)));
                sink.accept(delta(REPLY.substring(20)));
                clock.addAndGet(5);
            } catch (ClientGoneException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (breaks) {
                return CompletableFuture.failedFuture(new UpstreamException(502, "upstream stream ended without [DONE]",
                        true, null));
            }
            return CompletableFuture.completedFuture(usage ? usageObject() : null);
        }

        private JsonObject delta(String text) {
            return JsonP.createObjectBuilder().add("choices", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                    .add("index", 0).add("delta", JsonP.createObjectBuilder().add("content", text)))).build();
        }
    }
}
