package dev.marketplace.demo;

import dev.marketplace.catalog.domain.Listing;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.catalog.domain.Provider;
import dev.marketplace.catalog.domain.ProviderEndpoint;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.domain.KeySecret;
import dev.marketplace.platform.Config;
import dev.marketplace.routing.upstream.openai.OpenAiAdapterFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The transactional part of the demo seed: catalog rows, the demo developer, and the hashes of the demo API key and
 * the demo management key.
 */
@ApplicationScoped
public class DemoCatalog {
    /** The demo developer's management key unless MARKET_DEMO_MANAGEMENT_KEY says otherwise ({@code ./marketplace} prints it). */
    public static final String DEMO_MANAGEMENT_KEY_DEFAULT = KeyKind.MANAGEMENT.prefix() + "mgmt".repeat(16);

    /** What the simulator honours: the output cap, and the embedding options. */
    static final List<String> SIM_PARAMETERS = List.of("max_tokens", "dimensions", "encoding_format");

    @PersistenceContext(unitName = "market")
    EntityManager em;
    @Inject
    DeveloperAccounts developers;

    /** Returns the demo developer's id. */
    @Transactional
    public long seedCatalogAndDeveloper() {
        Provider sim = one(em.createQuery("select p from Provider p where p.slug = 'sim'", Provider.class).getResultList());
        if (sim == null) {
            sim = new Provider("sim", "Marketplace Simulator", true);
            em.persist(sim);
        }
        String baseUrl = Config.get("sim.base-url", "http://localhost:8080/api/sim/v1");
        ProviderEndpoint endpoint = one(em.createQuery(
                "select e from ProviderEndpoint e where e.provider = :p and e.name = 'default'", ProviderEndpoint.class)
                .setParameter("p", sim).getResultList());
        if (endpoint == null) {
            endpoint = new ProviderEndpoint(sim, "default", baseUrl, OpenAiAdapterFactory.ID);
            endpoint.setRoutingAttributes(ProviderEndpoint.RETENTION_NONE, null, null); // the simulator keeps nothing
            endpoint.markOperatorTrusted(); // this node's own URL (localhost)
            em.persist(endpoint);
        } else {
            if (!endpoint.getBaseUrl().equals(baseUrl)) {
                endpoint.setBaseUrl(baseUrl); // the port may differ between the dev and test stacks
            }
            endpoint.markOperatorTrusted(); // also when it was created before the flag existed
        }
        Model echo = one(em.createQuery("select m from Model m where m.slug = 'sim/echo-1'", Model.class).getResultList());
        if (echo == null) {
            echo = new Model("sim/echo-1", "Simulator: Echo 1",
                    "A deterministic model served by the marketplace itself: it echoes the last user message.", 32_768, 4_096);
            em.persist(echo);
        }
        if (em.createQuery("select count(l) from Listing l where l.model = :m and l.endpoint = :e", Long.class)
                .setParameter("m", echo).setParameter("e", endpoint).getSingleResult() == 0) {
            Listing listing = new Listing(echo, endpoint, "echo-1", DemoSeed.SIM_INPUT_PRICE_MICROS_PER_MTOK,
                    DemoSeed.SIM_OUTPUT_PRICE_MICROS_PER_MTOK);
            listing.setSupportedParameters(SIM_PARAMETERS);
            em.persist(listing);
        }
        long developerId = developers.ensure("developer", "developer@example.com");
        String demoKey = Config.get("demo.api-key", DemoSeed.DEMO_KEY_DEFAULT);
        if (!KeySecret.looksValid(demoKey)) {
            throw new IllegalStateException("MARKET_DEMO_API_KEY must be 'sk-mk-v1-' followed by 64 characters");
        }
        String hash = KeySecret.hash(demoKey);
        if (em.createQuery("select count(k) from ApiKey k where k.keyHash = :h", Long.class)
                .setParameter("h", hash).getSingleResult() == 0) {
            em.persist(new ApiKey(developerId, "Demo key", hash, KeySecret.hint(demoKey), Instant.now()));
        }
        seedManagementKey(developerId);
        return developerId;
    }

    private void seedManagementKey(long developerId) {
        String managementKey = Config.get("demo.management-key", DEMO_MANAGEMENT_KEY_DEFAULT);
        if (!KeySecret.looksValid(KeyKind.MANAGEMENT, managementKey)) {
            throw new IllegalStateException("MARKET_DEMO_MANAGEMENT_KEY must be '" + KeyKind.MANAGEMENT.prefix()
                    + "' followed by 64 characters");
        }
        String hash = KeySecret.hash(managementKey);
        if (em.createQuery("select count(k) from ApiKey k where k.keyHash = :h", Long.class)
                .setParameter("h", hash).getSingleResult() == 0) {
            em.persist(new ApiKey(developerId, KeyKind.MANAGEMENT, "Demo management key", hash,
                    KeySecret.hint(managementKey), Instant.now()));
        }
    }

    private static <T> T one(List<T> results) {
        return results.isEmpty() ? null : results.get(0);
    }
}
