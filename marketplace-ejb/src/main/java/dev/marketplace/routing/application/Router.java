package dev.marketplace.routing.application;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamAdapterFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Picks the routes for a model in the order to try them, and the adapter that speaks to each. */
@ApplicationScoped
public class Router {
    @Inject
    CatalogSnapshot catalog;
    @Inject
    Instance<UpstreamAdapterFactory> factories;

    private final Map<Route.Endpoint, UpstreamAdapter> adapters = new ConcurrentHashMap<>();

    /** Routes in the order to try: the snapshot keeps them cheapest first. Empty for an unknown model. */
    public List<Route> routes(String modelSlug) {
        return catalog.routes(modelSlug);
    }

    public UpstreamAdapter adapter(Route.Endpoint endpoint) {
        return adapters.computeIfAbsent(endpoint, this::create);
    }

    private UpstreamAdapter create(Route.Endpoint endpoint) {
        for (UpstreamAdapterFactory factory : factories) {
            if (factory.id().equals(endpoint.adapterId())) {
                return factory.create(endpoint);
            }
        }
        throw new IllegalStateException("No upstream adapter with id '" + endpoint.adapterId() + "' for " + endpoint);
    }
}
