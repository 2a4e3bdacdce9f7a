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

    private volatile Snapshot current = new Snapshot(Map.of(), List.of(), SelfTestRoutes.NONE);

    /** The routes serving a model, or an empty list for an unknown model. */
    public List<Route> routes(String modelSlug) {
        return current.routesByModel().getOrDefault(modelSlug, List.of());
    }

    /**
     * The routes of this developer's own provider's draft, pending or paused listings of a model (a self-test, billed
     * at zero), or an empty list: for every developer who is not a provider member that is one map miss.
     */
    public List<Route> selfTestRoutes(long developerId, String modelSlug) {
        return current.selfTest().routes(developerId, modelSlug);
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
        current = new Snapshot(Map.copyOf(byModel), models, selfTestRoutes());
    }

    /** Non-live listings their provider's members may call (provider_member is provider onboarding's table). */
    private SelfTestRoutes selfTestRoutes() {
        List<Route> testable = em.createQuery("""
                select l from Listing l join fetch l.model join fetch l.endpoint
                where l.status in ('draft', 'pending', 'paused') and l.endpoint.status = 'active'
                and l.endpoint.provider.status = 'active'""", Listing.class)
                .getResultList().stream().map(CatalogSnapshot::route).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> members = em.createNativeQuery(
                "select d.id, m.provider_id from provider_member m join developer d on d.username = m.username")
                .getResultList();
        return SelfTestRoutes.of(testable, members.stream()
                .map(row -> new SelfTestRoutes.Member(((Number) row[0]).longValue(), ((Number) row[1]).longValue()))
                .toList());
    }

    private static Route route(Listing l) {
        ProviderEndpoint e = l.getEndpoint();
        Provider p = e.getProvider();
        Model m = l.getModel();
        return new Route(l.getId(), m.getSlug(), l.getUpstreamModel(), p.getId(), p.getSlug(), p.getName(),
                p.isPlatformOperated(), p.getTakeRateBps(),
                new Route.Endpoint(e.getId(), e.getAdapterId(), e.getBaseUrl(), e.getApiKey(), e.getTimeoutMs(),
                        e.getDataRetention(), e.getMaxConcurrency(), e.getMaxRequestsPerMinute()),
                l.getInputPriceMicrosPerMTok(), l.getOutputPriceMicrosPerMTok(), m.getMaxOutputTokens(), m.getContextLength(),
                l.getSupportedParameters());
    }

    private record Snapshot(Map<String, List<Route>> routesByModel, List<Model> models, SelfTestRoutes selfTest) {
    }
}
