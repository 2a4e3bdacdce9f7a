package dev.marketplace.routing.upstream;

import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;

/** Makes adapters for one wire protocol. Implementations are CDI beans, told apart by {@link #id()}. */
public interface UpstreamAdapterFactory {
    /** The protocol's stable id, as stored on an endpoint (e.g. {@code openai}). */
    String id();

    UpstreamAdapter create(Route.Endpoint endpoint);

    /** Whether the protocol can serve the operation at all; routing skips endpoints whose protocol cannot. */
    default boolean supports(Operation operation) {
        return operation == Operation.CHAT_COMPLETIONS;
    }
}
