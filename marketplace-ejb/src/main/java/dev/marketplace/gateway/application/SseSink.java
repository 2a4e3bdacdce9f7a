package dev.marketplace.gateway.application;

import dev.marketplace.routing.upstream.ClientGoneException;

/** Where a streaming completion's server-sent events go: the API layer writes them to the client. */
public interface SseSink {
    void data(String json) throws ClientGoneException;

    void done() throws ClientGoneException;
}
