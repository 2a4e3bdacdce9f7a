package dev.marketplace.onboarding.pricechanges.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.pricechanges.domain.PriceChangeRules;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.pricechanges.infrastructure.PriceChangeStore;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PriceChangesTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    static PriceChanges changes;
    static long providerA;
    static long providerB;
    static long endpointA;
    long listing;

    @BeforeAll
    static void start() throws Exception {
        changes = new PriceChanges(db.dataSource(), new PriceChangeRules(PriceChangeRules.DEFAULT_NOTICE));
        providerA = db.provider("price-a");
        providerB = db.provider("price-b");
        endpointA = db.longValue("insert into provider_endpoint (provider_id, name, base_url, adapter_id)"
                + " values (?, 'main', 'http://127.0.0.1:1/v1', 'openai') returning id", providerA);
    }

    @BeforeEach
    void liveListing() throws Exception {
        long model = db.longValue("insert into model (slug, name, context_length, max_output_tokens)"
                + " values ('acme/m-' || nextval('listing_id_seq'), 'm', 8192, 512) returning id");
        listing = db.longValue("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok,"
                + " output_price_micros_per_mtok, status) values (?, ?, 'up', 1000000, 2000000, 'live') returning id",
                model, endpointA);
    }

    @Test
    void aDecreaseIsOnTheListingWhenScheduleReturns() throws Exception {
        ScheduledPriceChange change = changes.schedule(providerA, "alice", listing, PriceSet.simple(900_000, 1_500_000), null);
        assertEquals("applied", change.status());
        assertEquals(PriceSet.simple(900_000, 1_500_000), listingPrices());
    }

    @Test
    void anIncreaseNeedsNoticeAndWaitsForItsTime() throws Exception {
        PriceSet higher = PriceSet.simple(1_000_000, 3_000_000);
        ProviderApiException refused = assertThrows(ProviderApiException.class,
                () -> changes.schedule(providerA, "alice", listing, higher, Instant.now().plus(Duration.ofDays(6))));
        assertEquals(400, refused.status());
        assertEquals("effective_at", refused.param());

        ScheduledPriceChange pending = changes.schedule(providerA, "alice", listing, higher,
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(5));
        assertEquals("pending", pending.status());
        assertEquals(0, applyDue(), "not due for a week");
        assertEquals(PriceSet.simple(1_000_000, 2_000_000), listingPrices());
    }

    @Test
    void oneChangeIsPendingAtATimeUntilCancelled() {
        Instant later = Instant.now().plus(Duration.ofDays(8));
        ScheduledPriceChange first = changes.schedule(providerA, "alice", listing, PriceSet.simple(1_000_000, 3_000_000), later);
        ProviderApiException second = assertThrows(ProviderApiException.class,
                () -> changes.schedule(providerA, "alice", listing, PriceSet.simple(500_000, 500_000), null));
        assertEquals(409, second.status());

        assertEquals("cancelled", changes.cancel(providerA, listing, first.id()).status());
        assertEquals("cancelled", changes.cancel(providerA, listing, first.id()).status(), "cancelling twice is harmless");
        assertEquals("applied", changes.schedule(providerA, "alice", listing, PriceSet.simple(500_000, 500_000), null).status());
    }

    @Test
    void theApplierAppliesADueChangeOnceAndAnAppliedChangeCannotBeCancelled() throws Exception {
        ScheduledPriceChange pending = changes.schedule(providerA, "alice", listing, PriceSet.simple(100, 200),
                Instant.now().plusSeconds(3600));
        db.execute("update listing_price_change set effective_at = now() - interval '1 second' where id = " + pending.id());

        assertEquals(1, applyDue());
        assertEquals(0, applyDue(), "idempotent");
        assertEquals(PriceSet.simple(100, 200), listingPrices());
        assertEquals(409, assertThrows(ProviderApiException.class,
                () -> changes.cancel(providerA, listing, pending.id())).status());
        assertEquals("applied", changes.ofListing(providerA, listing).get(0).status());
    }

    @Test
    void aChangeLockedByAnotherNodeIsSkippedNotWaitedFor() throws Exception {
        ScheduledPriceChange pending = changes.schedule(providerA, "alice", listing, PriceSet.simple(100, 200),
                Instant.now().plusSeconds(3600));
        db.execute("update listing_price_change set effective_at = now() - interval '1 second' where id = " + pending.id());
        try (Connection otherNode = db.dataSource().getConnection()) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement s = otherNode.prepareStatement(
                    "select id from listing_price_change where id = ? for update")) {
                s.setLong(1, pending.id());
                s.executeQuery().close();
            }
            assertEquals(0, applyDue(), "the other node holds it");
            otherNode.rollback();
        }
        assertEquals(1, applyDue());
    }

    @Test
    void anotherProvidersListingIsNotFoundAndUnchanged() throws Exception {
        ScheduledPriceChange own = changes.schedule(providerA, "alice", listing, PriceSet.simple(1_000_000, 3_000_000),
                Instant.now().plus(Duration.ofDays(8)));
        assertEquals(404, assertThrows(ProviderApiException.class,
                () -> changes.schedule(providerB, "bob", listing, PriceSet.simple(1, 1), null)).status());
        assertEquals(404, assertThrows(ProviderApiException.class, () -> changes.ofListing(providerB, listing)).status());
        assertEquals(404, assertThrows(ProviderApiException.class,
                () -> changes.cancel(providerB, listing, own.id())).status());
        assertEquals(404, assertThrows(ProviderApiException.class,
                () -> changes.cancel(providerA, listing + 100_000, own.id())).status());
        assertEquals("pending", changes.ofListing(providerA, listing).get(0).status());
        assertEquals(PriceSet.simple(1_000_000, 2_000_000), listingPrices());
        assertEquals(0, changes.pending(providerB).size());
    }

    @Test
    void aDraftChangesPriceDirectlyEvenUpwards() throws Exception {
        db.execute("update listing set status = 'draft' where id = " + listing);
        ScheduledPriceChange change = changes.schedule(providerA, "alice", listing, PriceSet.simple(5_000_000, 9_000_000), null);
        assertEquals("applied", change.status());
        assertNotNull(change.appliedAt());
        assertNull(change.cancelledAt());
        assertEquals(PriceSet.simple(5_000_000, 9_000_000), listingPrices());
    }

    private int applyDue() {
        return Transactions.inTransaction(db.dataSource(), "apply", c -> new PriceChangeStore().applyDue(c, 100));
    }

    private PriceSet listingPrices() throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select " + PriceChangeStore.prefixed("") + " from listing where id = ?")) {
            s.setLong(1, listing);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return PriceChangeStore.prices(rs, 1);
            }
        }
    }
}
