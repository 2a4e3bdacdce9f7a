package dev.marketplace.gateway.application;

import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.platform.operations.Operations;
import dev.marketplace.routing.application.EndpointHealth;
import dev.marketplace.routing.application.Router;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.json.JsonObject;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One streaming call, from its first upstream attempt to its settlement, driven by events rather than a thread:
 * chunks pass from the upstream to the client as they arrive (and only as fast as the client takes them), the
 * next endpoint is tried while nothing reached the client, and the outcome is settled on the settlement executor
 * (its charge is durable before {@code [DONE]}). A client that leaves cancels the upstream call and is charged
 * for what was delivered.
 */
final class StreamRelay {
    private static final Logger LOG = Logger.getLogger(StreamRelay.class.getName());

    private final Call call;
    private final SseSink out;
    private final Router router;
    private final Settlement settlement;
    private final EndpointHealth health;
    private final Executor settleExecutor;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile CompletableFuture<JsonObject> current;
    private volatile boolean clientGone;
    private UpstreamException last;
    private Route lastRoute;

    StreamRelay(Call call, SseSink out, Router router, Settlement settlement, EndpointHealth health, Executor settleExecutor) {
        this.call = call;
        this.out = out;
        this.router = router;
        this.settlement = settlement;
        this.health = health;
        this.settleExecutor = settleExecutor;
        this.lastRoute = call.routes().get(0);
    }

    void start() {
        out.onClientGone(this::clientLeft);
        attempt(0);
    }

    private void clientLeft() {
        clientGone = true;
        CompletableFuture<JsonObject> attempt = current;
        if (attempt != null) {
            attempt.cancel(true);
        }
    }

    private void attempt(int index) {
        Route route = call.routes().get(index);
        StreamProgress progress = new StreamProgress();
        CompletableFuture<JsonObject> attempt;
        try {
            attempt = router.adapter(route.endpoint()).streamCallAsync(call.request().operation(),
                    ResponseShaper.upstreamRequest(call, route), new Relay(route, progress));
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        current = attempt;
        if (clientGone) {
            attempt.cancel(true);
        }
        attempt.whenCompleteAsync((usage, error) -> ended(index, route, progress, usage, error), settleExecutor);
    }

    private void ended(int index, Route route, StreamProgress progress, JsonObject usage, Throwable error) {
        try {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause == null) {
                succeeded(route, progress, usage);
            } else if (cause instanceof ClientGoneException || cause instanceof CancellationException) {
                settleOnce(() -> settlement.charge(call, route, meterDelivered(route, progress), UsageStatus.CANCELLED, "cancelled"));
            } else if (cause instanceof UpstreamException e) {
                upstreamFailed(index, route, progress, e);
            } else {
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "stream " + call.generationId() + " failed unexpectedly", e);
            settlement.releaseAfterCrash(call, e);
            out.fail(new GatewayException(500, "server_error", "Internal error while streaming", null, java.util.Map.of()));
        }
    }

    private void succeeded(Route route, StreamProgress progress, JsonObject usage) {
        health.succeeded(route.endpoint().id());
        Metered m = settlement.meter(call, route, usage, progress.text());
        if (!settleOnce(() -> settlement.charge(call, route, m, UsageStatus.OK, progress.finishReason()))) {
            return;
        }
        try {
            out.data(ResponseShaper.usageChunk(progress.usageChunk(), call, route, m).toString());
            out.done();
        } catch (ClientGoneException gone) {
            LOG.log(Level.FINE, "{0}: client left before the usage chunk", call.generationId());
        }
    }

    private void upstreamFailed(int index, Route route, StreamProgress progress, UpstreamException e) {
        Operations.upstreamFailed(call.generationId(), route.providerSlug(), e.status(), e.retryable()); // operations hook
        if (e.upstreamsFault()) {
            health.failed(route.endpoint().id());
        }
        if (e.committed()) {
            settleOnce(() -> settlement.charge(call, route, meterDelivered(route, progress), UsageStatus.ERROR, "error"));
            sendError(route, e);
            return;
        }
        last = e;
        lastRoute = route;
        if (e.retryable() && index + 1 < call.routes().size() && !clientGone) {
            attempt(index + 1);
            return;
        }
        if (settled.compareAndSet(false, true)) {
            out.fail(ChatCompletions.failed(settlement, call, lastRoute, last));
        }
    }

    private Metered meterDelivered(Route route, StreamProgress progress) {
        return settlement.meter(call, route, null, progress.text());
    }

    /** Settles at most once, whatever races (a client leaving as the stream ends). */
    private boolean settleOnce(Runnable settle) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        settle.run();
        return true;
    }

    private void sendError(Route route, UpstreamException e) {
        try {
            out.data(ResponseShaper.errorChunk(call, route, "Upstream failed mid-stream: " + e.getMessage()).toString());
            out.done();
        } catch (ClientGoneException gone) {
            LOG.log(Level.FINE, "{0}: client left before the error chunk", call.generationId());
        }
    }

    /** Passes chunks on to the client; the usage chunk is held back and sent last, with the cost. */
    private final class Relay implements ChunkSink {
        private final Route route;
        private final StreamProgress progress;

        Relay(Route route, StreamProgress progress) {
            this.route = route;
            this.progress = progress;
        }

        @Override
        public void accept(JsonObject chunk) throws ClientGoneException {
            if (chunk.get("usage") instanceof JsonObject) {
                progress.observe(chunk);
                progress.usageChunk(chunk); // sent last, with the cost, once the charge is durable
                return;
            }
            out.data(ResponseShaper.chunkText(chunk, call, route));
            progress.observe(chunk); // counted only once delivered
        }

        @Override
        public void whenReady(Runnable resume) {
            out.whenReady(resume);
        }
    }

    /** What a stream delivered so far: its text (to count when no usage comes), the finish reason and usage chunk. */
    private static final class StreamProgress {
        private final StringBuilder text = new StringBuilder();
        private String finishReason;
        private JsonObject usageChunk;

        synchronized void observe(JsonObject chunk) {
            text.append(ResponseShaper.deltaText(chunk));
            String reason = ResponseShaper.finishReason(chunk);
            if (reason != null) {
                finishReason = reason;
            }
        }

        synchronized void usageChunk(JsonObject chunk) {
            usageChunk = chunk;
        }

        synchronized JsonObject usageChunk() {
            return usageChunk;
        }

        synchronized String finishReason() {
            return finishReason;
        }

        synchronized String text() {
            return text.toString();
        }
    }
}
