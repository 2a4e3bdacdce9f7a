package dev.marketplace.routing.upstream;

import jakarta.json.JsonObject;

/**
 * Talks to one upstream endpoint. Requests and replies are in the OpenAI chat-completions shape; an adapter for
 * another protocol translates both ways.
 */
public interface UpstreamAdapter {
    /** A non-streaming completion: the upstream's reply body. */
    JsonObject complete(JsonObject request) throws UpstreamException;

    /**
     * A streaming completion: each chunk goes to the sink as it arrives. Returns the usage the upstream reported
     * (null when it reported none). A sink that throws {@link ClientGoneException} ends the upstream call.
     */
    JsonObject stream(JsonObject request, ChunkSink sink) throws UpstreamException, ClientGoneException;
}
