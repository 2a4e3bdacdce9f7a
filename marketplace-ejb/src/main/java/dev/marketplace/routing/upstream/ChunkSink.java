package dev.marketplace.routing.upstream;

import jakarta.json.JsonObject;

/** Receives the chunks of a streaming completion in order. */
@FunctionalInterface
public interface ChunkSink {
    void accept(JsonObject chunk) throws ClientGoneException;
}
