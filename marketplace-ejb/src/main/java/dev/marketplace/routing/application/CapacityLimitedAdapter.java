package dev.marketplace.routing.application;

import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.ChunkSink;
import dev.marketplace.routing.upstream.ClientGoneException;
import dev.marketplace.routing.upstream.EndpointAtCapacityException;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamException;
import jakarta.json.JsonObject;

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
    public JsonObject stream(JsonObject request, ChunkSink sink) throws UpstreamException, ClientGoneException {
        return streamCall(Operation.CHAT_COMPLETIONS, request, sink);
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

    @Override
    public JsonObject streamCall(Operation operation, JsonObject request, ChunkSink sink)
            throws UpstreamException, ClientGoneException {
        EndpointCapacity.Permit permit = acquire();
        try {
            return delegate.streamCall(operation, request, sink);
        } finally {
            permit.release();
        }
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
