package dev.marketplace.demo;

import dev.marketplace.billing.money.PriceSet;
import dev.marketplace.catalog.domain.Listing;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.catalog.domain.Provider;
import dev.marketplace.catalog.domain.ProviderEndpoint;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.platform.secrets.EndpointKeys;
import dev.marketplace.platform.secrets.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a self-hosting seed file ({@code MARKET_SEED=path}, see {@code examples/bench-seed.json}): models,
 * providers with their endpoints (optional {@code data_retention}, {@code max_concurrency},
 * {@code max_requests_per_minute}), listings (optional {@code supported_parameters}, request, cache and tier prices:
 * {@link #prices}), and credit grants for developers. Endpoint API keys are stored sealed (the row's id is part of the
 * sealing context, so the key is sealed right after the insert). Rows that exist (by slug or name) are left as they
 * are, so a restart with the same file changes nothing. Returns the grants to post, which the
 * caller books after this transaction commits (the ledger has its own transactions).
 */
@ApplicationScoped
public class SeedFile {
    @PersistenceContext(unitName = "market")
    EntityManager em;
    @Inject
    DeveloperAccounts developers;
    @Inject
    SecretCipher cipher;

    /** A credit grant asked for by the seed: to whom, how much, under which idempotency key. */
    public record Grant(long developerId, long amountMicros, String idempotencyKey) {
    }

    @Transactional
    public List<Grant> apply(JsonObject seed) {
        for (JsonValue v : array(seed, "models")) {
            JsonObject m = v.asJsonObject();
            if (find(Model.class, "slug", m.getString("slug")) == null) {
                em.persist(new Model(m.getString("slug"), m.getString("name"), m.getString("description", ""),
                        m.getInt("context_length"), m.getInt("max_output_tokens")));
            }
        }
        for (JsonValue v : array(seed, "providers")) {
            seedProvider(v.asJsonObject());
        }
        for (JsonValue v : array(seed, "listings")) {
            seedListing(v.asJsonObject());
        }
        List<Grant> grants = new ArrayList<>();
        for (JsonValue v : array(seed, "credits")) {
            JsonObject c = v.asJsonObject();
            long developerId = developers.ensure(c.getString("developer"), c.getString("email", null));
            grants.add(new Grant(developerId, c.getJsonNumber("amount_micros").longValueExact(), c.getString("idempotency_key")));
        }
        return grants;
    }

    private void seedProvider(JsonObject p) {
        Provider provider = find(Provider.class, "slug", p.getString("slug"));
        if (provider == null) {
            provider = new Provider(p.getString("slug"), p.getString("name"), p.getBoolean("platform_operated", false),
                    p.getInt("take_rate_bps", Provider.DEFAULT_TAKE_RATE_BPS));
            provider.setPayoutsExempt(p.getBoolean("payouts_exempt", true));
            em.persist(provider);
        }
        for (JsonValue e : array(p, "endpoints")) {
            JsonObject endpoint = e.asJsonObject();
            if (endpoint(provider, endpoint.getString("name")) == null) {
                ProviderEndpoint created = new ProviderEndpoint(provider, endpoint.getString("name"),
                        endpoint.getString("base_url"), endpoint.getString("adapter", "openai"), null,
                        endpoint.getInt("timeout_ms", 60_000));
                created.setRoutingAttributes(endpoint.getString("data_retention", ProviderEndpoint.RETENTION_UNKNOWN),
                        optionalInt(endpoint, "max_concurrency"), optionalInt(endpoint, "max_requests_per_minute"));
                created.markOperatorTrusted(); // the operator's file: its URLs may name private hosts (decision 0025)
                em.persist(created);
                String apiKey = endpoint.getString("api_key", null);
                if (apiKey != null) {
                    em.flush();
                    created.setStoredApiKey(EndpointKeys.seal(cipher, created.getId(), apiKey));
                }
            }
        }
    }

    private void seedListing(JsonObject l) {
        Model model = find(Model.class, "slug", l.getString("model"));
        Provider provider = find(Provider.class, "slug", l.getString("provider"));
        if (model == null || provider == null) {
            throw new IllegalArgumentException("seed listing names an unknown model or provider: " + l);
        }
        ProviderEndpoint endpoint = endpoint(provider, l.getString("endpoint"));
        if (endpoint == null) {
            throw new IllegalArgumentException("seed listing names an unknown endpoint: " + l);
        }
        long existing = em.createQuery("select count(l) from Listing l where l.model = :m and l.endpoint = :e", Long.class)
                .setParameter("m", model).setParameter("e", endpoint).getSingleResult();
        if (existing == 0) {
            PriceSet prices = prices(l);
            Listing listing = new Listing(model, endpoint, l.getString("upstream_model"), prices.inputMicrosPerMTok(),
                    prices.outputMicrosPerMTok());
            listing.setPrices(prices);
            if (l.containsKey("supported_parameters")) {
                listing.setSupportedParameters(l.getJsonArray("supported_parameters")
                        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            }
            em.persist(listing);
        }
    }

    /**
     * A seed listing's prices, micro-USD: {@code input_price_micros_per_mtok} and {@code output_price_micros_per_mtok}
     * (required), {@code request_price_micros}, {@code cache_read_price_micros_per_mtok},
     * {@code cache_write_price_micros_per_mtok} (0 when absent) and an optional {@code tier}
     * ({@code min_context}, {@code input_price_micros_per_mtok}, {@code output_price_micros_per_mtok}).
     */
    static PriceSet prices(JsonObject l) {
        PriceSet.Tier tier = null;
        if (l.get("tier") instanceof JsonObject t) {
            tier = new PriceSet.Tier(required(t, "min_context"), required(t, "input_price_micros_per_mtok"),
                    required(t, "output_price_micros_per_mtok"));
        }
        return new PriceSet(required(l, "input_price_micros_per_mtok"), required(l, "output_price_micros_per_mtok"),
                micros(l, "request_price_micros"), micros(l, "cache_read_price_micros_per_mtok"),
                micros(l, "cache_write_price_micros_per_mtok"), tier);
    }

    private static long required(JsonObject o, String field) {
        if (!(o.get(field) instanceof jakarta.json.JsonNumber n)) {
            throw new IllegalArgumentException("seed price field " + field + " must be a whole number of micro-USD: " + o);
        }
        return n.longValueExact();
    }

    private static long micros(JsonObject o, String field) {
        return o.containsKey(field) ? required(o, field) : 0;
    }

    private ProviderEndpoint endpoint(Provider provider, String name) {
        return em.createQuery("select e from ProviderEndpoint e where e.provider = :p and e.name = :n", ProviderEndpoint.class)
                .setParameter("p", provider).setParameter("n", name).getResultList().stream().findFirst().orElse(null);
    }

    private <T> T find(Class<T> type, String field, String value) {
        return em.createQuery("select x from " + type.getSimpleName() + " x where x." + field + " = :v", type)
                .setParameter("v", value).getResultList().stream().findFirst().orElse(null);
    }

    private static Integer optionalInt(JsonObject o, String field) {
        return o.get(field) instanceof jakarta.json.JsonNumber n ? n.intValueExact() : null;
    }

    private static List<JsonValue> array(JsonObject o, String field) {
        return o.containsKey(field) ? o.getJsonArray(field) : List.of();
    }
}
