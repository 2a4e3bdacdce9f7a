package dev.marketplace.routing.upstream;

import jakarta.json.JsonObject;

/**
 * Receives the chunks of a streaming completion in order. The upstream is read only as fast as the sink takes
 * chunks: after each batch the adapter asks {@link #whenReady} before it reads on, so a slow client slows the
 * upstream read instead of filling memory.
 */
@FunctionalInterface
public interface ChunkSink {
    void accept(JsonObject chunk) throws ClientGoneException;

    /** Runs {@code resume} once the sink can take more chunks: at once when it can now (the default). */
    default void whenReady(Runnable resume) {
        resume.run();
    }
}
