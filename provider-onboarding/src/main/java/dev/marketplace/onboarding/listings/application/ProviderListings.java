package dev.marketplace.onboarding.listings.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.listings.domain.ListingAction;
import dev.marketplace.onboarding.listings.infrastructure.ListingStore;
import dev.marketplace.onboarding.membership.ProviderMembers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/**
 * A provider member's listings: all of its provider's listings with status, prices and latest probe, and the
 * provider's lifecycle actions (submit, pause, resume, retire), always on its own listings.
 */
@ApplicationScoped
public class ProviderListings {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    private ListingTransitions transitions;
    private final ListingStore store = new ListingStore();

    public ProviderListings() {
        // for CDI
    }

    public ProviderListings(DataSource dataSource) {
        this.dataSource = dataSource;
        start();
    }

    @PostConstruct
    void start() {
        transitions = new ListingTransitions(dataSource);
    }

    public List<ProviderListing> list(String username) {
        return Transactions.withConnection(dataSource, "listings of " + username,
                connection -> store.ofProvider(connection, ProviderMembers.requireProviderOf(connection, username)));
    }

    /** @return the listing's new status */
    public String act(String username, long listingId, ListingAction action) {
        return transitions.byProvider(username, listingId, action);
    }
}
