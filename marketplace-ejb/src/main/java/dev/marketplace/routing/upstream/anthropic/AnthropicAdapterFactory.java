package dev.marketplace.routing.upstream.anthropic;

import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamAdapterFactory;
import dev.marketplace.routing.upstream.UpstreamHttp;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The Anthropic Messages protocol. Its endpoints share one {@link UpstreamHttp} transport. */
@ApplicationScoped
public class AnthropicAdapterFactory implements UpstreamAdapterFactory {
    public static final String ID = "anthropic";
    private final UpstreamHttp http = new UpstreamHttp("upstream-anthropic-http");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public UpstreamAdapter create(Route.Endpoint endpoint) {
        return new AnthropicAdapter(new AnthropicHttp(http, endpoint), Clock.systemUTC());
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
