package dev.marketplace.gateway.application;

import dev.marketplace.gateway.domain.ChatRequest;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.routing.domain.Route;
import java.util.List;

/**
 * A request that passed authentication, validation, routing and holding: what remains is to call the upstream
 * and settle. The generation id is also the hold's id and the usage journal's idempotency key. A self-test (a
 * provider member calling the provider's own non-live listing) holds nothing and is recorded at cost 0.
 */
public record Call(String generationId, KeyState key, ChatRequest request, List<Route> routes, int promptEstimateTokens,
                   int maxTokens, long holdMicros, long startNanos, boolean selfTest) {

    /** A paid call, held before the upstream is called. */
    public Call(String generationId, KeyState key, ChatRequest request, List<Route> routes, int promptEstimateTokens,
                int maxTokens, long holdMicros, long startNanos) {
        this(generationId, key, request, routes, promptEstimateTokens, maxTokens, holdMicros, startNanos, false);
    }

    /** A self-test: nothing held, nothing charged. */
    static Call selfTest(String generationId, KeyState key, ChatRequest request, List<Route> routes,
                         int promptEstimateTokens, int maxTokens, long startNanos) {
        return new Call(generationId, key, request, routes, promptEstimateTokens, maxTokens, 0, startNanos, true);
    }

    public boolean stream() {
        return request.stream();
    }

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
