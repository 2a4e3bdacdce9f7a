package dev.marketplace.catalog.application;

import dev.marketplace.catalog.domain.Listing;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.catalog.domain.Provider;
import dev.marketplace.catalog.domain.ProviderEndpoint;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The live catalog held in memory: for each model slug, its active listings on active endpoints of active
 * providers, cheapest first. Rebuilt as a whole on change and swapped atomically; the hot path only reads it.
 */
@ApplicationScoped
public class CatalogSnapshot {
    @PersistenceContext(unitName = "market")
    EntityManager em;

    private volatile Snapshot current = new Snapshot(Map.of(), List.of());

    /** The routes serving a model, or an empty list for an unknown model. */
    public List<Route> routes(String modelSlug) {
        return current.routesByModel().getOrDefault(modelSlug, List.of());
    }

    public List<Model> liveModels() {
        return current.models();
    }

    public void reload() {
        List<Listing> listings = em.createQuery("""
                select l from Listing l join fetch l.model join fetch l.endpoint
                where l.status = 'live' and l.endpoint.status = 'active' and l.endpoint.provider.status = 'active'""",
                Listing.class)
                .getResultList();
        Map<String, List<Route>> byModel = listings.stream()
                .map(CatalogSnapshot::route)
                .sorted(Comparator.comparingLong(Route::outputPriceMicrosPerMTok)
                        .thenComparingLong(Route::inputPriceMicrosPerMTok)
                        .thenComparingLong(Route::listingId))
                .collect(Collectors.groupingBy(Route::modelSlug, LinkedHashMap::new, Collectors.toUnmodifiableList()));
        List<Model> models = listings.stream().map(Listing::getModel).distinct()
                .sorted(Comparator.comparing(Model::getSlug)).toList();
        current = new Snapshot(Map.copyOf(byModel), models);
    }

    private static Route route(Listing l) {
        ProviderEndpoint e = l.getEndpoint();
        Provider p = e.getProvider();
        Model m = l.getModel();
        return new Route(l.getId(), m.getSlug(), l.getUpstreamModel(), p.getId(), p.getSlug(), p.getName(),
                p.isPlatformOperated(), p.getTakeRateBps(),
                new Route.Endpoint(e.getId(), e.getAdapterId(), e.getBaseUrl(), e.getApiKey(), e.getTimeoutMs(),
                        e.getDataRetention(), e.getMaxConcurrency(), e.getMaxRequestsPerMinute()),
                l.getPrices(), m.getMaxOutputTokens(), m.getContextLength(), l.getSupportedParameters());
    }

    private record Snapshot(Map<String, List<Route>> routesByModel, List<Model> models) {
    }
}
