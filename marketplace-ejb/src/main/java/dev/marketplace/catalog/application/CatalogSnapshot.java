package dev.marketplace.catalog.application;

import dev.marketplace.catalog.domain.Listing;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.catalog.domain.Provider;
import dev.marketplace.catalog.domain.ProviderEndpoint;
import dev.marketplace.platform.secrets.EndpointKeys;
import dev.marketplace.platform.secrets.SecretCipher;
import dev.marketplace.platform.secrets.SecretDecryptionException;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The live catalog held in memory: for each model slug, its active listings on active endpoints of active
 * providers that can be paid ({@link PaidTrafficGate}), cheapest first. Rebuilt as a whole on change and swapped
 * atomically; the hot path only reads it. Endpoint keys are opened here (sealed at rest, {@link EndpointKeys}); an
 * endpoint whose key cannot be opened serves nothing until it can (logged on every rebuild), the rest of the catalog
 * is unaffected.
 */
@ApplicationScoped
public class CatalogSnapshot {
    private static final Logger LOG = Logger.getLogger(CatalogSnapshot.class.getName());
    @PersistenceContext(unitName = "market")
    EntityManager em;
    @Inject
    SecretCipher cipher;

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
        Set<Long> payable = PaidTrafficGate.payableProviders(em);
        listings = listings.stream().filter(l -> payable.contains(l.getEndpoint().getProvider().getId())).toList();
        Map<String, List<Route>> byModel = listings.stream()
                .map(this::routeOrNull)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(Route::outputPriceMicrosPerMTok)
                        .thenComparingLong(Route::inputPriceMicrosPerMTok)
                        .thenComparingLong(Route::listingId))
                .collect(Collectors.groupingBy(Route::modelSlug, LinkedHashMap::new, Collectors.toUnmodifiableList()));
        List<Model> models = listings.stream().map(Listing::getModel).distinct()
                .filter(m -> byModel.containsKey(m.getSlug()))
                .sorted(Comparator.comparing(Model::getSlug)).toList();
        current = new Snapshot(Map.copyOf(byModel), models, selfTestRoutes());
    }

    /** Non-live listings their provider's members may call (provider_member is provider onboarding's table). */
    private SelfTestRoutes selfTestRoutes() {
        List<Route> testable = em.createQuery("""
                select l from Listing l join fetch l.model join fetch l.endpoint
                where l.status in ('draft', 'pending', 'paused') and l.endpoint.status = 'active'
                and l.endpoint.provider.status = 'active'""", Listing.class)
                .getResultList().stream().map(this::routeOrNull).filter(Objects::nonNull).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> members = em.createNativeQuery(
                "select d.id, m.provider_id from provider_member m join developer d on d.username = m.username")
                .getResultList();
        return SelfTestRoutes.of(testable, members.stream()
                .map(row -> new SelfTestRoutes.Member(((Number) row[0]).longValue(), ((Number) row[1]).longValue()))
                .toList());
    }

    private Route routeOrNull(Listing l) {
        ProviderEndpoint e = l.getEndpoint();
        try {
            return route(l, EndpointKeys.open(cipher, e.getId(), e.getApiKey()));
        } catch (SecretDecryptionException failure) {
            LOG.severe("endpoint " + e.getId() + " (" + e.getName() + ") is not routed: its API key cannot be opened: "
                    + failure.getMessage() + ". Configure the key it was sealed with (MARKET_SECRETS_OLD_KEYS) or have "
                    + "the provider enter the key again.");
            return null;
        }
    }

    private static Route route(Listing l, String apiKey) {
        ProviderEndpoint e = l.getEndpoint();
        Provider p = e.getProvider();
        Model m = l.getModel();
        return new Route(l.getId(), m.getSlug(), l.getUpstreamModel(), p.getId(), p.getSlug(), p.getName(),
                p.isPlatformOperated(), p.getTakeRateBps(),
                new Route.Endpoint(e.getId(), e.getAdapterId(), e.getBaseUrl(), apiKey, e.getTimeoutMs(),
                        e.getDataRetention(), e.getMaxConcurrency(), e.getMaxRequestsPerMinute(), e.isOperatorTrusted()),
                l.getPrices(), m.getMaxOutputTokens(), m.getContextLength(), l.getSupportedParameters());
    }

    private record Snapshot(Map<String, List<Route>> routesByModel, List<Model> models, SelfTestRoutes selfTest) {
    }
}
