package dev.marketplace.routing.upstream.openai;

import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamAdapterFactory;
import dev.marketplace.routing.upstream.UpstreamHttp;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** The OpenAI-compatible protocol. Its endpoints share one {@link UpstreamHttp} transport. */
@ApplicationScoped
public class OpenAiAdapterFactory implements UpstreamAdapterFactory {
    public static final String ID = "openai";
    private final UpstreamHttp http = new UpstreamHttp("upstream-openai-http");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public UpstreamAdapter create(Route.Endpoint endpoint) {
        return new OpenAiAdapter(http, endpoint);
    }

    /** OpenAI-compatible servers speak all three operations. */
    @Override
    public boolean supports(Operation operation) {
        return true;
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
