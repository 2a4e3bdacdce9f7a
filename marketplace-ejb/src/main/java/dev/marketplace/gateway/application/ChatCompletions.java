package dev.marketplace.gateway.application;

import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.platform.operations.Operations;
import dev.marketplace.routing.application.EndpointHealth;
import dev.marketplace.routing.application.Router;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.EndpointAtCapacityException;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The second half of the hot path: call the upstreams in route order, failing over before anything reached the
 * client, then settle. A failed call is never charged; a stream cut mid-way is charged for what was delivered.
 */
@ApplicationScoped
public class ChatCompletions {
    static final int SETTLE_THREADS = 16;
    static final int SETTLE_QUEUE = 100_000;

    @Inject
    Router router;
    @Inject
    Settlement settlement;
    @Inject
    EndpointHealth health;
    /**
     * Settles streams as they end (the charge waits for its group commit) and tries the next endpoint, so that no
     * HTTP client or container thread waits on the database; bounded like every queue on the hot path.
     */
    private final ExecutorService settleExecutor = new ThreadPoolExecutor(SETTLE_THREADS, SETTLE_THREADS, 60,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(SETTLE_QUEUE), r -> {
                Thread t = new Thread(r, "stream-settle");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy()); // full: settle on the caller rather than leave a stream hanging

    public JsonObject complete(Call call) {
        try {
            return completeOrFail(call);
        } catch (RuntimeException e) {
            settlement.releaseAfterCrash(call, e);
            throw e;
        }
    }

    /**
     * Starts a stream and returns at once: the upstream's chunks reach {@code out} as they arrive, and the outcome
     * (usage chunk and {@code [DONE]}, or an error) ends it. Never throws; every failure ends up in {@code out}.
     */
    public void stream(Call call, SseSink out) {
        new StreamRelay(call, out, router, settlement, health, settleExecutor).start();
    }

    @PreDestroy
    void stop() {
        settleExecutor.shutdown();
    }

    private JsonObject completeOrFail(Call call) {
        UpstreamException last = null;
        Route lastRoute = call.routes().get(0);
        for (Route route : call.routes()) {
            JsonObject reply;
            try {
                reply = router.adapter(route.endpoint()).call(call.request().operation(),
                        ResponseShaper.upstreamRequest(call, route));
            } catch (UpstreamException e) {
                last = e;
                lastRoute = route;
                upstreamFailed(call, route, e);
                if (e.retryable()) {
                    continue;
                }
                break;
            }
            health.succeeded(route.endpoint().id());
            JsonObject usage = reply.get("usage") instanceof JsonObject u ? u : null;
            Metered m = settlement.meter(call, route, usage, ResponseShaper.messageText(reply));
            settlement.charge(call, route, m, UsageStatus.OK, ResponseShaper.finishReason(reply));
            return ResponseShaper.reply(reply, call, route, m);
        }
        throw failed(call, lastRoute, last);
    }

    /** Metrics and logs (without the upstream's text), and the endpoint's health when the fault was the upstream's. */
    private void upstreamFailed(Call call, Route route, UpstreamException e) {
        Operations.upstreamFailed(call.generationId(), route.providerSlug(), e.status(), e.retryable()); // operations hook
        if (e.upstreamsFault()) {
            health.failed(route.endpoint().id());
        }
    }

    private GatewayException failed(Call call, Route route, UpstreamException last) {
        return failed(settlement, call, route, last);
    }

    /**
     * Records a call no endpoint served (or gives its hold back when none was even called) and says what the
     * client gets: 429 when every endpoint was at capacity, 408 when the last one timed out, the upstream's refusal
     * (4xx) as is, else 502.
     */
    static GatewayException failed(Settlement settlement, Call call, Route route, UpstreamException last) {
        if (last instanceof EndpointAtCapacityException busy) { // no upstream was called: nothing to record, a 429
            settlement.releaseUnserved(call);
            return GatewayException.endpointsAtCapacity(call.request().model(), busy.retryAfterSeconds());
        }
        settlement.fail(call, route);
        if (last != null && last.status() == 408) { // the last endpoint tried did not answer in time: so did we
            return GatewayException.timedOut("Provider timed out: " + last.getMessage(), route.providerName());
        }
        int status = last == null ? 502 : (last.status() >= 400 && last.status() < 500 && last.status() != 429)
                ? last.status() : 502;
        String message = last == null ? "No provider could serve the request" : "Provider failed: " + last.getMessage();
        return GatewayException.upstream(status, message, route.providerName());
    }
}
