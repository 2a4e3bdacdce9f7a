package dev.marketplace.onboarding.pricechanges.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.pricechanges.domain.InvalidPriceException;
import dev.marketplace.onboarding.pricechanges.domain.PriceChangePlan;
import dev.marketplace.onboarding.pricechanges.domain.PriceChangeRules;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.pricechanges.infrastructure.PriceChangeStore;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import dev.marketplace.platform.Config;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A provider's price changes, for the provider API and the portal's price page alike: schedule (the rules decide
 * between "now" and "pending until effective_at"), list, cancel. The listing row is locked first, so the price the
 * rules compare against is the one the change replaces; at most one change per listing is pending (a unique index
 * backs it: a second one is a 409 naming the pending change, which the provider cancels first). Another provider's
 * listing or change is "not found".
 */
@ApplicationScoped
public class PriceChanges {
    /** Changes returned per listing at most. */
    public static final int HISTORY_LIMIT = 200;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    private final PriceChangeStore store = new PriceChangeStore();
    private PriceChangeRules rules;

    public PriceChanges() {
    }

    public PriceChanges(DataSource dataSource, PriceChangeRules rules) {
        this.dataSource = dataSource;
        this.rules = rules;
    }

    /** The notice an increase needs: {@code MARKET_PRICE_NOTICE_DAYS}, 7 by default. */
    public Duration notice() {
        return rules().notice();
    }

    public ScheduledPriceChange schedule(long providerId, String createdBy, long listingId, PriceSet prices,
                                         Instant effectiveAt) {
        return Transactions.inTransaction(dataSource, "schedule price change", c -> {
            PriceChangeStore.LockedListing listing = own(c, providerId, listingId);
            Optional<ScheduledPriceChange> pending = store.pending(c, listingId);
            if (pending.isPresent()) {
                throw ProviderApiException.conflict("Listing " + listingId + " already has a pending price change ("
                        + pending.get().id() + ", effective " + pending.get().effectiveAt()
                        + "): cancel it before scheduling another", "listing_id");
            }
            PriceChangePlan plan;
            try {
                plan = rules().plan(listing.status(), listing.prices(), prices, effectiveAt, Instant.now());
            } catch (InvalidPriceException e) {
                throw ProviderApiException.badRequest(e.getMessage(), e.field());
            }
            if (plan.applyNow()) {
                store.setListingPrices(c, listingId, prices);
            }
            return store.insert(c, listingId, prices, plan.effectiveAt(), createdBy, plan.applyNow());
        });
    }

    public List<ScheduledPriceChange> ofListing(long providerId, long listingId) {
        return Transactions.inTransaction(dataSource, "list price changes", c -> {
            own(c, providerId, listingId);
            return store.ofListing(c, listingId, HISTORY_LIMIT);
        });
    }

    /** The provider's pending changes over all its listings, soonest first (the portal's price page). */
    public List<ScheduledPriceChange> pending(long providerId) {
        return Transactions.withConnection(dataSource, "pending price changes", c -> store.pendingOfProvider(c, providerId));
    }

    /** Cancels a pending change; one already applied cannot be (409), one already cancelled stays so. */
    public ScheduledPriceChange cancel(long providerId, long listingId, long changeId) {
        return Transactions.inTransaction(dataSource, "cancel price change", c -> {
            own(c, providerId, listingId);
            ScheduledPriceChange change = store.cancel(c, listingId, changeId)
                    .orElseThrow(() -> ProviderApiException.notFound("price change"));
            if (change.appliedAt() != null) {
                throw ProviderApiException.conflict("Price change " + changeId + " was applied at "
                        + change.appliedAt() + " and cannot be cancelled", null);
            }
            return change;
        });
    }

    private PriceChangeStore.LockedListing own(Connection c, long providerId, long listingId) throws SQLException {
        return store.lockOwnListing(c, providerId, listingId).orElseThrow(() -> ProviderApiException.notFound("listing"));
    }

    private PriceChangeRules rules() {
        if (rules == null) {
            rules = new PriceChangeRules(Duration.ofDays(Config.getLong("price.notice.days", 7)));
        }
        return rules;
    }
}
