package dev.marketplace.onboarding.listings.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.outbound.AllowList;
import dev.marketplace.onboarding.outbound.FetchLimits;
import dev.marketplace.onboarding.outbound.GuardedFetch;
import dev.marketplace.onboarding.outbound.HostResolver;
import dev.marketplace.onboarding.outbound.UrlGuard;
import dev.marketplace.platform.Config;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The import as the portal offers it to a signed-in provider member: the provider is always the one the user acts
 * for (never an id from the request), the fetch goes through the guard with the allow-list from
 * {@code MARKET_OUTBOUND_ALLOW} (exact origins of admin-seeded endpoints, comma-separated).
 */
@ApplicationScoped
public class ListingImports {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    private GuardedFetch fetch;
    private ImportListings imports;

    @PostConstruct
    void start() {
        fetch = new GuardedFetch(new UrlGuard(HostResolver.system(), AllowList.parse(Config.get("outbound.allow", ""))),
                FetchLimits.LIST_MODELS);
        imports = new ImportListings(dataSource, fetch);
    }

    @PreDestroy
    void stop() {
        fetch.close();
    }

    /** The provider this user acts for, if any. */
    public Optional<Long> providerOf(String username) {
        return Transactions.withConnection(dataSource, "provider of " + username, connection -> {
            try (PreparedStatement s = connection.prepareStatement("select provider_id from provider_member where username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    public ImportReport importFrom(long providerId, String url, String upstreamApiKey) {
        return imports.fromUrl(providerId, url, upstreamApiKey);
    }

    public List<DraftListing> drafts(long providerId) {
        return imports.drafts(providerId);
    }
}
