package dev.marketplace.onboarding.listings.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.listings.domain.ListingAction;
import dev.marketplace.onboarding.listings.domain.ListingLifecycle;
import dev.marketplace.onboarding.listings.infrastructure.ListingStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/**
 * The admins' listing queue: pending listings waiting for their first publication (approve, or reject with a
 * reason), and published or suspended listings to suspend (with a reason) or lift. Every decision is audited.
 */
@ApplicationScoped
public class ListingReview {

    public static final int MAX_SHOWN = 500;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    private ListingTransitions transitions;
    private final ListingStore store = new ListingStore();

    public ListingReview() {
        // for CDI
    }

    public ListingReview(DataSource dataSource) {
        this.dataSource = dataSource;
        start();
    }

    @PostConstruct
    void start() {
        transitions = new ListingTransitions(dataSource);
    }

    /** Pending listings, longest waiting first. */
    public List<ProviderListing> pending() {
        return inStatus(List.of(ListingLifecycle.PENDING));
    }

    /** Listings an admin may suspend or lift: live, paused and suspended ones. */
    public List<ProviderListing> published() {
        return inStatus(List.of(ListingLifecycle.LIVE, ListingLifecycle.PAUSED, ListingLifecycle.SUSPENDED));
    }

    public String approve(String admin, long listingId) {
        return transitions.byAdmin(admin, listingId, ListingAction.APPROVE, null);
    }

    public String reject(String admin, long listingId, String reason) {
        return transitions.byAdmin(admin, listingId, ListingAction.REJECT, reason);
    }

    public String suspend(String admin, long listingId, String reason) {
        return transitions.byAdmin(admin, listingId, ListingAction.SUSPEND, reason);
    }

    public String lift(String admin, long listingId) {
        return transitions.byAdmin(admin, listingId, ListingAction.LIFT, null);
    }

    private List<ProviderListing> inStatus(List<String> statuses) {
        return Transactions.withConnection(dataSource, "listings " + statuses,
                connection -> store.inStatus(connection, statuses, MAX_SHOWN));
    }
}
