package dev.marketplace.routing.upstream;

import dev.marketplace.routing.domain.Operation;
import jakarta.json.JsonObject;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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
     * A streaming completion without a thread: each chunk goes to the sink as it arrives, and the upstream is read
     * on only when the sink is ready ({@link ChunkSink#whenReady}). The future completes with the usage the
     * upstream reported (null when it reported none), or exceptionally with an {@link UpstreamException} or the
     * sink's {@link ClientGoneException}. Cancelling the future cancels the upstream call.
     */
    CompletableFuture<JsonObject> streamAsync(JsonObject request, ChunkSink sink);

    /** {@link #streamAsync}, waiting for the end: for callers that may block (tests, tools). */
    default JsonObject stream(JsonObject request, ChunkSink sink) throws UpstreamException, ClientGoneException {
        return await(streamAsync(request, sink));
    }

    /** A non-streaming call of any operation: the upstream's reply body. */
    default JsonObject call(Operation operation, JsonObject request) throws UpstreamException {
        if (operation == Operation.CHAT_COMPLETIONS) {
            return complete(request);
        }
        throw unsupported(operation);
    }

    /** A streaming call of any operation that streams (chat and legacy completions), as {@link #streamAsync}. */
    default CompletableFuture<JsonObject> streamCallAsync(Operation operation, JsonObject request, ChunkSink sink) {
        if (operation == Operation.CHAT_COMPLETIONS) {
            return streamAsync(request, sink);
        }
        return CompletableFuture.failedFuture(unsupported(operation));
    }

    /** {@link #streamCallAsync}, waiting for the end: for callers that may block (tests, tools). */
    default JsonObject streamCall(Operation operation, JsonObject request, ChunkSink sink)
            throws UpstreamException, ClientGoneException {
        return await(streamCallAsync(operation, request, sink));
    }

    static UpstreamException unsupported(Operation operation) {
        return new UpstreamException(400, "/" + operation.path() + " is not supported by this provider", false, null);
    }

    private static JsonObject await(CompletableFuture<JsonObject> result) throws UpstreamException, ClientGoneException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UpstreamException u) {
                throw u;
            }
            if (e.getCause() instanceof ClientGoneException gone) {
                throw gone;
            }
            throw new IllegalStateException("stream failed", e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while streaming");
        }
    }
}
