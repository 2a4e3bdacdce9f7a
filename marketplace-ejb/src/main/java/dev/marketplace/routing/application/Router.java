package dev.marketplace.routing.application;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.domain.RoutingPreferences;
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
    @Inject
    EndpointHealth health;

    private final Map<Route.Endpoint, UpstreamAdapter> adapters = new ConcurrentHashMap<>();

    /** Routes in the order to try for a request's models and provider preferences (see {@link RoutePlanner}). */
    public List<Route> routes(RoutingPreferences preferences) {
        return RoutePlanner.plan(preferences, catalog::routes, health::coolingDown);
    }

    /** Whether the model is in the catalog at all (to tell "unknown model" from "nothing matches"). */
    public boolean knows(String modelSlug) {
        return !catalog.routes(modelSlug).isEmpty();
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
