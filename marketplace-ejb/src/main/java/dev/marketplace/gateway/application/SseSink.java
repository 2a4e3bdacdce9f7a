package dev.marketplace.gateway.application;

import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.routing.upstream.ClientGoneException;

/**
 * Where a streaming completion's server-sent events go: the API layer writes them to the client without blocking.
 * Events are queued and written as the client takes them; {@link #whenReady} tells the upstream reader when to go on.
 */
public interface SseSink {
    /** Queues one event; the first one commits the response (200, event-stream). */
    void data(String json) throws ClientGoneException;

    /** Queues {@code [DONE]} and ends the response once everything queued reached the client. */
    void done() throws ClientGoneException;

    /** Ends the response with this error: its own status before anything was committed, an error event after. */
    void fail(GatewayException error);

    /** Runs {@code resume} once the queue has drained to the client (at once when it has). */
    void whenReady(Runnable resume);

    /** Runs {@code hook} once if the client goes away (disconnect, write error, stream time limit). */
    void onClientGone(Runnable hook);
}
