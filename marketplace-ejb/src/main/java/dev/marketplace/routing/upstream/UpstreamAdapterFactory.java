package dev.marketplace.routing.upstream;

import dev.marketplace.routing.domain.Route;

/** Makes adapters for one wire protocol. Implementations are CDI beans, told apart by {@link #id()}. */
public interface UpstreamAdapterFactory {
    /** The protocol's stable id, as stored on an endpoint (e.g. {@code openai}). */
    String id();

    UpstreamAdapter create(Route.Endpoint endpoint);
}
