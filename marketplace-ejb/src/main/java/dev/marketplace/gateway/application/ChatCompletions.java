package dev.marketplace.gateway.application;

import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.platform.operations.Operations;
import dev.marketplace.routing.application.EndpointHealth;
import dev.marketplace.routing.application.Router;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.EndpointAtCapacityException;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second half of the hot path: call the upstreams in route order, failing over before anything reached the
 * client, then settle. A failed call is never charged; a stream cut mid-way is charged for what was delivered.
 */
@ApplicationScoped
public class ChatCompletions {
    private static final Logger LOG = Logger.getLogger(ChatCompletions.class.getName());

    @Inject
    Router router;
    @Inject
    Settlement settlement;
    @Inject
    EndpointHealth health;

    public JsonObject complete(Call call) {
        try {
            return completeOrFail(call);
        } catch (RuntimeException e) {
            settlement.releaseAfterCrash(call, e);
            throw e;
        }
    }

    public void stream(Call call, SseSink out) {
        try {
            streamOrFail(call, out);
        } catch (RuntimeException e) {
            settlement.releaseAfterCrash(call, e);
            throw e;
        }
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

    private void streamOrFail(Call call, SseSink out) {
        UpstreamException last = null;
        Route lastRoute = call.routes().get(0);
        for (Route route : call.routes()) {
            StreamProgress progress = new StreamProgress();
            try {
                JsonObject usage = router.adapter(route.endpoint()).streamCall(call.request().operation(),
                        ResponseShaper.upstreamRequest(call, route), chunk -> {
                    if (chunk.get("usage") instanceof JsonObject) {
                        progress.observe(chunk);
                        progress.usageChunk = chunk; // sent last, with the cost, once the charge is durable
                        return;
                    }
                    out.data(ResponseShaper.chunk(chunk, call, route).toString());
                    progress.observe(chunk); // counted only once delivered
                });
                health.succeeded(route.endpoint().id());
                Metered m = settlement.meter(call, route, usage, progress.text());
                settlement.charge(call, route, m, UsageStatus.OK, progress.finishReason);
                out.data(ResponseShaper.usageChunk(progress.usageChunk, call, route, m).toString());
                out.done();
                return;
            } catch (ClientGoneException gone) {
                chargeDelivered(call, route, progress, UsageStatus.CANCELLED, "cancelled");
                return;
            } catch (UpstreamException e) {
                upstreamFailed(call, route, e);
                if (e.committed()) {
                    chargeDelivered(call, route, progress, UsageStatus.ERROR, "error");
                    sendError(call, route, out, e);
                    return;
                }
                last = e;
                lastRoute = route;
                if (!e.retryable()) {
                    break;
                }
            }
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

    private void chargeDelivered(Call call, Route route, StreamProgress progress, UsageStatus status, String reason) {
        Metered m = settlement.meter(call, route, null, progress.text());
        settlement.charge(call, route, m, status, reason);
    }

    private static void sendError(Call call, Route route, SseSink out, UpstreamException e) {
        try {
            out.data(ResponseShaper.errorChunk(call, route, "Upstream failed mid-stream: " + e.getMessage()).toString());
            out.done();
        } catch (ClientGoneException gone) {
            LOG.log(Level.FINE, "{0}: client left before the error chunk", call.generationId());
        }
    }

    private GatewayException failed(Call call, Route route, UpstreamException last) {
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

    /** What a stream delivered so far: its text (to count when no usage comes), the finish reason and usage chunk. */
    private static final class StreamProgress {
        private final StringBuilder text = new StringBuilder();
        private String finishReason;
        private JsonObject usageChunk;

        void observe(JsonObject chunk) {
            text.append(ResponseShaper.deltaText(chunk));
            String reason = ResponseShaper.finishReason(chunk);
            if (reason != null) {
                finishReason = reason;
            }
        }

        String text() {
            return text.toString();
        }
    }
}
