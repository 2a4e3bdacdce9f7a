package dev.marketplace.routing.application;

import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.EndpointAtCapacityException;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;

/**
 * An adapter that takes a slot of its endpoint's capacity for the length of each call and gives it back when the
 * call ends, however it ends. At capacity it calls nothing and throws {@link EndpointAtCapacityException}, which
 * the gateway treats as "try the next route".
 */
final class CapacityLimitedAdapter implements UpstreamAdapter {
    private final UpstreamAdapter delegate;
    private final Route.Endpoint endpoint;
    private final EndpointCapacity capacity;

    CapacityLimitedAdapter(UpstreamAdapter delegate, Route.Endpoint endpoint, EndpointCapacity capacity) {
        this.delegate = delegate;
        this.endpoint = endpoint;
        this.capacity = capacity;
    }

    @Override
    public JsonObject complete(JsonObject request) throws UpstreamException {
        return call(Operation.CHAT_COMPLETIONS, request);
    }

    @Override
    public CompletableFuture<JsonObject> streamAsync(JsonObject request, ChunkSink sink) {
        return streamCallAsync(Operation.CHAT_COMPLETIONS, request, sink);
    }

    @Override
    public JsonObject call(Operation operation, JsonObject request) throws UpstreamException {
        EndpointCapacity.Permit permit = acquire();
        try {
            return delegate.call(operation, request);
        } finally {
            permit.release();
        }
    }

    /** The slot is held until the stream ends, however it ends (cancelled included). */
    @Override
    public CompletableFuture<JsonObject> streamCallAsync(Operation operation, JsonObject request, ChunkSink sink) {
        EndpointCapacity.Permit permit;
        try {
            permit = acquire();
        } catch (EndpointAtCapacityException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JsonObject> stream;
        try {
            stream = delegate.streamCallAsync(operation, request, sink);
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
        stream.whenComplete((usage, error) -> permit.release());
        return stream; // the delegate's own future, so that cancelling it still reaches the upstream
    }

    private EndpointCapacity.Permit acquire() throws EndpointAtCapacityException {
        EndpointCapacity.Permit permit = capacity.tryAcquire(endpoint);
        if (permit == null) {
            throw new EndpointAtCapacityException("endpoint " + endpoint.id() + " is at capacity",
                    capacity.retryAfterSeconds(endpoint));
        }
        return permit;
    }
}
