package dev.marketplace.systemtests.listings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.browser.HeadlessChromium;
import dev.marketplace.systemtests.listings.ProviderAccounts.TestProvider;
import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A provider's way to a live listing, through the portal as people use it: register an endpoint (its key stored
 * sealed), a private address refused beside its field, import from the stub's List Models URL into drafts (one
 * registry model, one new model proposed under the provider's own namespace), submitting refused without a passed
 * probe and allowed with one, an admin approves the first publication and a chat call is routed to the stub with the
 * opened key; an admin suspends the listing and the route is gone within 2 s. Hostile documents write nothing, and
 * a second provider sees none of the first one's endpoints or listings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListingLifecycleIT {

    private static final String BASE_URL = TestTarget.baseUrl();
    private static final long STAMP = System.currentTimeMillis();
    private static final String OWN_AUTHOR = "lister-" + STAMP;
    private static final String SHARED_SLUG = "itest/shared-" + STAMP;
    private static final String FOREIGN_AUTHOR = "owned-" + STAMP;
    private static ListingStub stub;
    private static TestProvider lister;
    private static TestProvider other;

    @BeforeAll
    static void providersAndStub() throws Exception {
        lister = ProviderAccounts.create("lister-a-" + STAMP);
        other = ProviderAccounts.create("lister-b-" + STAMP);
        try (Connection c = Db.connect()) {
            Db.queryLong(c, "insert into model (slug, name, context_length, max_output_tokens) values (?, 'Shared', 8192, 1024) "
                    + "returning id", SHARED_SLUG);
            Db.queryLong(c, "insert into model_author (author, provider_id) values (?, ?) returning provider_id",
                    FOREIGN_AUTHOR, other.id());
        }
        stub = ListingStub.start(OWN_AUTHOR, SHARED_SLUG, FOREIGN_AUTHOR);
    }

    @AfterAll
    static void stopStub() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    @Order(1)
    void registerImportSubmitApproveRouteAndSuspend() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium()) {
            ListingPages provider = new ListingPages(browser.driver(), BASE_URL).signIn("/provider/endpoints", lister.username());
            String saved = provider.registerEndpoint("main", ListingStub.ORIGIN + "/v1", ListingStub.KEY,
                    ListingStub.ORIGIN + "/v1/models");
            assertTrue(saved.startsWith("Registered main"), saved);
            assertTrue(provider.waitForCell("provider-endpoints", "…4321").contains("…4321"));
            assertFalse(provider.pageText().contains(ListingStub.KEY), "the key is never shown again");

            String refused = provider.registerEndpoint("private", "http://10.0.0.1/v1", "sk-private-12345678", "");
            assertTrue(refused.startsWith("Some fields need attention"), refused);
            String beside = provider.fieldError("endpoint-base-url");
            assertTrue(beside != null && beside.contains("private address"), beside);
            browser.screenshot("ListingLifecycleIT-endpoints");
        }
        long endpointId;
        try (Connection c = Db.connect()) {
            endpointId = Db.queryLong(c, "select id from provider_endpoint where provider_id = ? and name = 'main'", lister.id());
            String stored = Db.queryStrings(c, "select api_key from provider_endpoint where id = " + endpointId).get(0);
            assertTrue(stored.startsWith("enc:v1:") && !stored.contains("sk-stub"), stored);
            assertEquals(0, Db.queryLong(c, "select count(*) from provider_endpoint where provider_id = ? and name = 'private'",
                    lister.id()));
        }

        long sharedListing;
        long ownListing;
        try (HeadlessChromium browser = new HeadlessChromium()) {
            ListingPages provider = new ListingPages(browser.driver(), BASE_URL).signIn("/provider/listings", lister.username());
            String imported = provider.importFrom("main");
            assertTrue(imported.startsWith("Imported 2 model(s): 2 new draft(s)") && imported.contains(OWN_AUTHOR + "/chat-1"),
                    imported);
            provider.waitForCell("provider-listings", SHARED_SLUG);
            try (Connection c = Db.connect()) {
                sharedListing = listing(c, endpointId, SHARED_SLUG);
                ownListing = listing(c, endpointId, OWN_AUTHOR + "/chat-1");
                assertEquals(2, Db.queryLong(c, "select count(*) from listing where endpoint_id = ? and status = 'draft' "
                        + "and input_price_micros_per_mtok = 1000000 and output_price_micros_per_mtok = 2000000", endpointId));
                assertEquals("proposed", Db.queryStrings(c, "select registry_status from model where slug = '" + OWN_AUTHOR
                        + "/chat-1'").get(0));
            }

            provider.click("submit-listing-" + ownListing);
            assertTrue(provider.text("listing-message").contains("its model is a registry proposal"), provider.text("listing-message"));
            provider.click("submit-listing-" + sharedListing);
            assertTrue(provider.text("listing-message").contains("has not been verified yet"), provider.text("listing-message"));
            try (Connection c = Db.connect()) {
                assertEquals("draft", status(c, sharedListing));
                Db.queryLong(c, "insert into listing_probe (listing_id, trigger, status, finished_at) "
                        + "values (?, 'provider', 'passed', now()) returning id", sharedListing);
            }
            provider.open("/provider/listings").click("submit-listing-" + sharedListing);
            assertTrue(provider.text("listing-message").endsWith("is pending."), provider.text("listing-message"));
        }

        try (HeadlessChromium browser = new HeadlessChromium()) {
            ListingPages admin = new ListingPages(browser.driver(), BASE_URL).signIn("/admin/listings", "admin");
            admin.waitForCell("pending-listings", SHARED_SLUG);
            admin.click("approve-listing-" + sharedListing);
            assertTrue(admin.text("listing-queue-message").contains("live"), admin.text("listing-queue-message"));
            try (Connection c = Db.connect()) {
                assertEquals("live", status(c, sharedListing));
                assertNotNull(Db.queryStrings(c, "select published_at::text from listing where id = " + sharedListing).get(0));
                assertEquals(1, Db.queryLong(c, "select count(*) from audit_log where actor = 'admin' "
                        + "and action = 'listing.approve' and target = ?", "listing:" + sharedListing));
            }
            HttpResponse<String> call = awaitStatus(200, 5_000);
            assertTrue(call.body().contains(ListingStub.REPLY), Http.describe(call));

            admin.open("/admin/registry").waitForCell("registry-proposals", OWN_AUTHOR + "/chat-1");
            try (Connection c = Db.connect()) {
                long proposal = Db.queryLong(c, "select id from model where slug = ?", OWN_AUTHOR + "/chat-1");
                admin.click("accept-model-" + proposal);
                assertEquals(lister.id(), Db.queryLong(c, "select provider_id from model_author where author = ?", OWN_AUTHOR));
                assertEquals("accepted", Db.queryStrings(c, "select registry_status from model where id = " + proposal).get(0));
            }

            admin.open("/admin/listings").waitForCell("published-listings", SHARED_SLUG);
            admin.decideWithReason("suspend-listing-" + sharedListing, "serving another model than listed");
            long committed;
            try (Connection c = Db.connect()) {
                assertEquals("suspended", status(c, sharedListing));
                committed = System.nanoTime();
                assertEquals(1, Db.queryLong(c, "select count(*) from audit_log where action = 'listing.suspend' "
                        + "and target = ? and reason = 'serving another model than listed'", "listing:" + sharedListing));
            }
            HttpResponse<String> stopped = awaitStatus(404, 2_000);
            long stoppedMs = (System.nanoTime() - committed) / 1_000_000;
            System.out.println("ListingLifecycleIT: suspension stopped routing " + stoppedMs + " ms after its commit");
            assertEquals(404, stopped.statusCode(), Http.describe(stopped));
            assertTrue(stoppedMs <= 2_000, "routing stopped " + stoppedMs + " ms after the suspension: " + Http.describe(stopped));
        }
    }

    @Test
    @Order(2)
    void hostileDocumentsWriteNothingAndAnotherProviderSeesNothing() throws Exception {
        List<String> hostile = List.of("types", "duplicates", "namespace", "big");
        try (Connection c = Db.connect()) {
            for (String name : hostile) {
                Db.queryLong(c, "insert into provider_endpoint (provider_id, name, base_url, adapter_id, list_models_url) "
                        + "values (?, ?, ?, 'openai', ?) returning id", lister.id(), "hostile-" + name,
                        ListingStub.ORIGIN + "/v1", ListingStub.ORIGIN + "/hostile/" + name);
            }
        }
        long modelsBefore;
        try (Connection c = Db.connect()) {
            modelsBefore = Db.queryLong(c, "select count(*) from model");
        }
        try (HeadlessChromium browser = new HeadlessChromium()) {
            ListingPages provider = new ListingPages(browser.driver(), BASE_URL).signIn("/provider/listings", lister.username());
            String types = provider.importFrom("hostile-types");
            assertTrue(types.startsWith("Nothing was imported") && types.contains("context_length"), types);
            String duplicates = provider.importFrom("hostile-duplicates");
            assertTrue(duplicates.startsWith("Nothing was imported") && duplicates.contains("dup/one"), duplicates);
            String namespace = provider.importFrom("hostile-namespace");
            assertTrue(namespace.contains("under the author '" + FOREIGN_AUTHOR + "', which belongs to another provider"), namespace);
            String big = provider.importFrom("hostile-big");
            assertTrue(big.startsWith("Nothing was imported") && big.contains("document url:"), big);
            browser.screenshot("ListingLifecycleIT-hostile");
        }
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from listing l join provider_endpoint e on e.id = l.endpoint_id "
                    + "where e.name like 'hostile-%' and e.provider_id = ?", lister.id()));
            assertEquals(modelsBefore, Db.queryLong(c, "select count(*) from model"), "no proposal was written either");
        }

        try (HeadlessChromium browser = new HeadlessChromium()) {
            ListingPages rival = new ListingPages(browser.driver(), BASE_URL).signIn("/provider/endpoints", other.username());
            List<String> endpoints = rival.gridCells("provider-endpoints");
            assertTrue(endpoints.contains("Base URL"), "the grid rendered: " + endpoints);
            assertFalse(endpoints.contains("main") || endpoints.stream().anyMatch(cell -> cell.contains("hostile-")
                    || cell.contains(ListingStub.ORIGIN)), "another provider's endpoints are not listed: " + endpoints);
            rival.open("/provider/listings");
            List<String> listings = rival.gridCells("provider-listings");
            assertTrue(listings.contains("Model"), "the grid rendered: " + listings);
            assertFalse(listings.stream().anyMatch(cell -> cell.contains(SHARED_SLUG) || cell.contains(OWN_AUTHOR)),
                    "another provider's listings are not listed: " + listings);
            assertTrue(rival.pageText().contains("Give one of your endpoints a List Models URL"), "nothing of A's to import from");
        }
    }

    private static long listing(Connection c, long endpointId, String slug) throws SQLException {
        return Db.queryLong(c, "select l.id from listing l join model m on m.id = l.model_id where l.endpoint_id = ? "
                + "and m.slug = ?", endpointId, slug);
    }

    private static String status(Connection c, long listingId) throws SQLException {
        return Db.queryStrings(c, "select status from listing where id = " + listingId).get(0);
    }

    /** Calls the shared model until the answer has {@code status} (the catalog reaches every node within a second). */
    private static HttpResponse<String> awaitStatus(int status, long withinMs) throws InterruptedException {
        long deadline = System.nanoTime() + withinMs * 1_000_000;
        String body = "{\"model\":\"" + SHARED_SLUG + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":16}";
        HttpResponse<String> last;
        do {
            last = Http.postJson(ChatApi.completionsUrl(), TestTarget.apiKey(), body);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return last;
    }
}
