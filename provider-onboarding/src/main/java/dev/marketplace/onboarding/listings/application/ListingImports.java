package dev.marketplace.onboarding.listings.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.membership.ProviderMembers;
import dev.marketplace.platform.outbound.FetchLimits;
import dev.marketplace.platform.outbound.GuardedFetch;
import dev.marketplace.platform.outbound.UrlGuard;
import dev.marketplace.platform.secrets.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The import as the portal offers it to a signed-in provider member: the provider is always the one the user acts
 * for (never an id from the request) and the endpoint must be one of its own; the fetch goes through the guard with
 * the allow-list from {@code MARKET_OUTBOUND_ALLOW} (exact origins of admin-seeded endpoints, comma-separated).
 */
@ApplicationScoped
public class ListingImports {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    @Inject
    private SecretCipher cipher;
    private GuardedFetch fetch;
    private ImportListings imports;

    @PostConstruct
    void start() {
        fetch = new GuardedFetch(UrlGuard.fromConfig(), FetchLimits.LIST_MODELS);
        imports = new ImportListings(dataSource, fetch, cipher);
    }

    @PreDestroy
    void stop() {
        fetch.close();
    }

    /** The provider this user acts for, if any. */
    public Optional<Long> providerOf(String username) {
        return Transactions.withConnection(dataSource, "provider of " + username,
                connection -> ProviderMembers.providerOf(connection, username));
    }

    public ImportReport importFor(String username, long endpointId) {
        long providerId = providerOf(username).orElseThrow(
                () -> new dev.marketplace.onboarding.membership.NotAProviderMemberException(username));
        return imports.fromEndpoint(providerId, endpointId);
    }
}
