package dev.marketplace.onboarding.listings.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.listings.domain.ListingAction;
import dev.marketplace.onboarding.listings.domain.ListingTransitionException;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider's and the admins' listing actions against a real database: probes, audit, inbox, ownership. */
class ListingLifecycleServicesTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private ProviderListings providers;
    private ListingReview review;
    private long listing;
    private long rivalListing;

    @BeforeEach
    void aDraftListingOfEachProvider() throws SQLException {
        db.execute("truncate provider_member, inbox_notice, listing_probe, listing, model, provider_endpoint, provider cascade");
        long acme = db.provider("acme");
        long rival = db.provider("rival");
        db.member(acme, "alice");
        db.member(rival, "bob");
        long model = db.longValue("insert into model (slug, name, context_length, max_output_tokens) "
                + "values ('meta/llama', 'Llama', 8192, 1024) returning id");
        listing = draft(model, db.endpoint(acme, "main", null, "k-12345678"));
        rivalListing = draft(model, db.endpoint(rival, "main", null, "k-12345678"));
        providers = new ProviderListings(db.dataSource());
        review = new ListingReview(db.dataSource());
    }

    private static long draft(long model, long endpoint) throws SQLException {
        return db.longValue("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                + "output_price_micros_per_mtok) values (?, ?, 'llama', 100, 200) returning id", model, endpoint);
    }

    private void probe(long listingId, String status, String finishedAgo) throws SQLException {
        db.execute("insert into listing_probe (listing_id, trigger, status, started_at, finished_at) values (" + listingId
                + ", 'provider', '" + status + "', now() - interval '1 hour', "
                + (finishedAgo == null ? "null" : "now() - interval '" + finishedAgo + "'") + ")");
    }

    @Test
    void submittingNeedsAPassedLatestFinishedProbe() throws SQLException {
        assertTrue(assertThrows(ListingTransitionException.class, () -> providers.act("alice", listing, ListingAction.SUBMIT))
                .getMessage().contains("has not been verified yet"));
        probe(listing, "passed", "10 minutes");
        probe(listing, "failed", "1 minute");
        assertTrue(assertThrows(ListingTransitionException.class, () -> providers.act("alice", listing, ListingAction.SUBMIT))
                .getMessage().contains("latest verification probe failed"));
        probe(listing, "passed", "10 seconds");
        probe(listing, "running", null);
        assertEquals("pending", providers.act("alice", listing, ListingAction.SUBMIT), "a running probe does not count");
        assertEquals("pending", status(listing));
    }

    @Test
    void theFirstPublicationIsApprovedByAnAdminAuditedAndNotified() throws SQLException {
        probe(listing, "passed", "1 minute");
        providers.act("alice", listing, ListingAction.SUBMIT);
        assertEquals(List.of(listing), review.pending().stream().map(ProviderListing::id).toList());
        assertEquals("live", review.approve("admin", listing));
        assertNotNull(db.string("select published_at from listing where id = " + listing));
        assertEquals(1, db.longValue("select count(*) from audit_log where actor = 'admin' and action = 'listing.approve' "
                + "and target = 'listing:" + listing + "'"));
        assertEquals("Your listing meta/llama on main is live", db.string("select subject from inbox_notice where username = 'alice'"));
        assertEquals(0, db.longValue("select count(*) from inbox_notice where username = 'bob'"));
        assertEquals("paused", providers.act("alice", listing, ListingAction.PAUSE));
        assertEquals("live", providers.act("alice", listing, ListingAction.RESUME), "no second approval");
        assertEquals(1, db.longValue("select count(*) from audit_log where target = 'listing:" + listing + "'"));
        assertEquals("retired", providers.act("alice", listing, ListingAction.RETIRE));
        assertThrows(ListingTransitionException.class, () -> providers.act("alice", listing, ListingAction.RESUME));
    }

    @Test
    void aRejectionNeedsAReasonAndReturnsTheListingToDraft() throws SQLException {
        probe(listing, "passed", "1 minute");
        providers.act("alice", listing, ListingAction.SUBMIT);
        assertThrows(ListingException.class, () -> review.reject("admin", listing, " "));
        assertEquals("pending", status(listing));
        assertEquals("draft", review.reject("admin", listing, "prices look like a typo"));
        assertEquals("prices look like a typo", db.string("select status_reason from listing where id = " + listing));
        assertTrue(db.string("select body from inbox_notice where username = 'alice'").contains("prices look like a typo"));
        assertEquals("listing.reject", db.string("select action from audit_log where target = 'listing:" + listing + "'"));
    }

    @Test
    void aSuspensionStopsTheListingUntilAnAdminLiftsIt() throws SQLException {
        probe(listing, "passed", "1 minute");
        providers.act("alice", listing, ListingAction.SUBMIT);
        review.approve("admin", listing);
        assertThrows(ListingException.class, () -> review.suspend("admin", listing, null));
        assertEquals("suspended", review.suspend("admin", listing, "serving another model than listed"));
        assertTrue(assertThrows(ListingTransitionException.class, () -> providers.act("alice", listing, ListingAction.RESUME))
                .getMessage().contains("an administrator suspended it"));
        assertEquals(List.of(listing), review.published().stream().map(ProviderListing::id).toList());
        assertEquals("paused", review.lift("admin", listing), "published before: back to paused, the provider resumes it");
        assertEquals(null, db.string("select status_reason from listing where id = " + listing));
        assertEquals(List.of("listing.approve", "listing.suspend", "listing.lift"),
                List.of(db.string("select string_agg(action, ',' order by id) from audit_log where target = 'listing:" + listing + "'").split(",")));
    }

    @Test
    void aProviderCannotSeeOrMoveAnotherProvidersListing() throws SQLException {
        probe(rivalListing, "passed", "1 minute");
        assertEquals(List.of(listing), providers.list("alice").stream().map(ProviderListing::id).toList());
        for (ListingAction action : List.of(ListingAction.SUBMIT, ListingAction.RETIRE, ListingAction.PAUSE)) {
            ListingException e = assertThrows(ListingException.class, () -> providers.act("alice", rivalListing, action));
            assertEquals("There is no listing " + rivalListing + " of yours", e.getMessage());
        }
        assertEquals("draft", status(rivalListing));
        assertThrows(ListingException.class, () -> providers.act("alice", listing, ListingAction.APPROVE),
                "a provider cannot approve its own listing");
        assertThrows(ListingException.class, () -> review.lift("admin", 999_999));
    }

    private static String status(long id) throws SQLException {
        return db.string("select status from listing where id = " + id);
    }
}
