package dev.marketplace.gateway.application;

import dev.marketplace.gateway.domain.ChatRequest;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.routing.domain.Route;
import java.util.List;

/**
 * A request that passed authentication, validation, routing and holding: what remains is to call the upstream
 * and settle. The generation id is also the hold's id and the usage journal's idempotency key.
 */
public record Call(String generationId, KeyState key, ChatRequest request, List<Route> routes, int promptEstimateTokens,
                   int maxTokens, long holdMicros, long startNanos) {

    public boolean stream() {
        return request.stream();
    }

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
