package dev.marketplace.routing.upstream;

import jakarta.json.JsonObject;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Talks to one upstream endpoint. Requests and replies are in the OpenAI chat-completions shape; an adapter for
 * another protocol translates both ways.
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
        CompletableFuture<JsonObject> result = streamAsync(request, sink);
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
