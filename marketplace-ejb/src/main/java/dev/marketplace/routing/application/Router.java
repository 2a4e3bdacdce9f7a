package dev.marketplace.routing.application;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamAdapterFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
    @Inject
    EndpointHealth health;

    private final Map<Route.Endpoint, UpstreamAdapter> adapters = new ConcurrentHashMap<>();

    /**
     * Routes in the order to try: cheapest first (the snapshot's order), except that endpoints which failed in the
     * last 30 s go last; they are still tried when nothing else is left. Empty for an unknown model.
     */
    public List<Route> routes(String modelSlug) {
        List<Route> routes = catalog.routes(modelSlug);
        if (routes.size() < 2 || routes.stream().noneMatch(r -> health.coolingDown(r.endpoint().id()))) {
            return routes;
        }
        List<Route> ordered = new ArrayList<>(routes.size());
        routes.stream().filter(r -> !health.coolingDown(r.endpoint().id())).forEach(ordered::add);
        routes.stream().filter(r -> health.coolingDown(r.endpoint().id())).forEach(ordered::add);
        return ordered;
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
