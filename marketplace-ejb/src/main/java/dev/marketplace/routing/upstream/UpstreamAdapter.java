package dev.marketplace.routing.upstream;

import dev.marketplace.routing.domain.Operation;
import jakarta.json.JsonObject;

/**
 * Talks to one upstream endpoint. Requests and replies are in OpenAI's shapes (chat completions, legacy
 * completions, embeddings); an adapter for another protocol translates both ways, and answers operations its
 * protocol has no equivalent for with a 400 (routing does not send them there in the first place: see
 * {@link UpstreamAdapterFactory#supports}).
 */
public interface UpstreamAdapter {
    /** A non-streaming completion: the upstream's reply body. */
    JsonObject complete(JsonObject request) throws UpstreamException;

    /**
     * A streaming completion: each chunk goes to the sink as it arrives. Returns the usage the upstream reported
     * (null when it reported none). A sink that throws {@link ClientGoneException} ends the upstream call.
     */
    JsonObject stream(JsonObject request, ChunkSink sink) throws UpstreamException, ClientGoneException;

    /** A non-streaming call of any operation: the upstream's reply body. */
    default JsonObject call(Operation operation, JsonObject request) throws UpstreamException {
        if (operation == Operation.CHAT_COMPLETIONS) {
            return complete(request);
        }
        throw unsupported(operation);
    }

    /** A streaming call of any operation that streams (chat and legacy completions), as {@link #stream}. */
    default JsonObject streamCall(Operation operation, JsonObject request, ChunkSink sink)
            throws UpstreamException, ClientGoneException {
        if (operation == Operation.CHAT_COMPLETIONS) {
            return stream(request, sink);
        }
        throw unsupported(operation);
    }

    static UpstreamException unsupported(Operation operation) {
        return new UpstreamException(400, "/" + operation.path() + " is not supported by this provider", false, null);
    }
}
