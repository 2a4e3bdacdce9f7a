package dev.marketplace.routing.application;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.routing.domain.Operation;
import dev.marketplace.routing.domain.Route;
import dev.marketplace.routing.domain.RoutingPreferences;
import dev.marketplace.routing.upstream.UpstreamAdapter;
import dev.marketplace.routing.upstream.UpstreamAdapterFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the routes for a model in the order to try them, and the adapter that speaks to each (wrapped so that a
 * call takes a slot of the endpoint's capacity). Reads only in-memory state: the catalog snapshot, this node's
 * endpoint health and capacity, and the speeds refreshed in the background.
 */
@ApplicationScoped
public class Router {
    @Inject
    CatalogSnapshot catalog;
    @Inject
    Instance<UpstreamAdapterFactory> factories;
    @Inject
    EndpointHealth health;
    @Inject
    EndpointSpeeds speeds;
    @Inject
    EndpointCapacity capacity;

    private final Map<Route.Endpoint, UpstreamAdapter> adapters = new ConcurrentHashMap<>();
    private final Map<String, UpstreamAdapterFactory> factoriesById = new ConcurrentHashMap<>();

    /** Chat-completion routes in the order to try (see {@link RoutePlanner}). */
    public List<Route> routes(RoutingPreferences preferences) {
        return routes(preferences, Operation.CHAT_COMPLETIONS);
    }

    /** Routes in the order to try, only on endpoints whose protocol can serve the operation. */
    public List<Route> routes(RoutingPreferences preferences, Operation operation) {
        return RoutePlanner.plan(preferences, catalog::routes, health::coolingDown, speeds::of).stream()
                .filter(r -> factory(r.endpoint().adapterId()).supports(operation))
                .toList();
    }

    /**
     * The routes of the developer's own provider's non-live listings of the requested models (a self-test), in the
     * order the models are named, on endpoints whose protocol serves the operation; empty for everybody else.
     */
    public List<Route> selfTestRoutes(long developerId, RoutingPreferences preferences, Operation operation) {
        List<Route> own = List.of();
        for (String model : preferences.models()) {
            List<Route> routes = catalog.selfTestRoutes(developerId, model);
            if (!routes.isEmpty()) {
                own = own.isEmpty() ? new ArrayList<>() : own;
                routes.stream().filter(r -> factory(r.endpoint().adapterId()).supports(operation)).forEach(own::add);
            }
        }
        return own;
    }

    /** The routes whose endpoint has room for a call right now (a peek, nothing is taken). */
    public List<Route> withRoom(List<Route> routes) {
        return routes.stream().filter(r -> capacity.hasRoom(r.endpoint())).toList();
    }

    /** Whether any of these routes could ever serve (not every endpoint drained to capacity 0). */
    public boolean anyCanServe(List<Route> routes) {
        return routes.stream().anyMatch(r -> EndpointCapacity.canEverServe(r.endpoint()));
    }

    public long retryAfterSeconds(List<Route> routes) {
        return capacity.retryAfterSeconds(routes);
    }

    /** Whether the model is in the catalog at all (to tell "unknown model" from "nothing matches"). */
    public boolean knows(String modelSlug) {
        return !catalog.routes(modelSlug).isEmpty();
    }

    public UpstreamAdapter adapter(Route.Endpoint endpoint) {
        return adapters.computeIfAbsent(endpoint,
                e -> new CapacityLimitedAdapter(factory(e.adapterId()).create(e), e, capacity));
    }

    private UpstreamAdapterFactory factory(String adapterId) {
        return factoriesById.computeIfAbsent(adapterId, id -> {
            for (UpstreamAdapterFactory factory : factories) {
                if (factory.id().equals(id)) {
                    return factory;
                }
            }
            throw new IllegalStateException("No upstream adapter with id '" + id + "'");
        });
    }
}
