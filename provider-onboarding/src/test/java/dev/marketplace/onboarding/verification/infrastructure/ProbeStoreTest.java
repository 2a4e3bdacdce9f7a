package dev.marketplace.onboarding.verification.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.testing.TestDatabase;
import dev.marketplace.onboarding.verification.domain.Check;
import dev.marketplace.onboarding.verification.domain.CheckResult;
import dev.marketplace.onboarding.verification.domain.ProbeReport;
import dev.marketplace.onboarding.verification.domain.ProbeRun;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProbeStoreTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private static ProbeStore store;
    private static long providerId;
    private static long endpointId;
    private static int models;

    @BeforeAll
    static void setUp() throws SQLException {
        store = new ProbeStore(db.dataSource(), TestDatabase.cipher());
        providerId = db.provider("probe-store");
        endpointId = db.longValue("insert into provider_endpoint (provider_id, name, base_url, adapter_id) "
                + "values (?, 'main', 'http://127.0.0.1:18230/v1', 'openai') returning id", providerId);
        db.longValue("insert into provider_member (provider_id, username) values (?, 'alice') returning provider_id", providerId);
        db.longValue("insert into provider_member (provider_id, username) values (?, 'bob') returning provider_id", providerId);
    }

    private static long listing(String status) throws SQLException {
        models++;
        long model = db.longValue("insert into model (slug, name, context_length, max_output_tokens) "
                + "values (?, 'm', 8192, 512) returning id", "probe/m" + models);
        return db.longValue("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                + "output_price_micros_per_mtok, status) values (?, ?, 'up', 1, 2, ?) returning id", model, endpointId, status);
    }

    private static ProbeReport failed() {
        return ProbeReport.empty().with(CheckResult.fail(Check.PROTOCOL, "down"));
    }

    @Test
    void theProbeCallsWithTheEndpointKeyOpened() throws SQLException {
        long sealedEndpoint = db.longValue("insert into provider_endpoint (provider_id, name, base_url, adapter_id) "
                + "values (?, 'sealed', 'http://127.0.0.1:18230/v1', 'openai') returning id", providerId);
        db.execute("update provider_endpoint set api_key = '" + dev.marketplace.platform.secrets.EndpointKeys.seal(
                TestDatabase.cipher(), sealedEndpoint, "sk-upstream-secret") + "' where id = " + sealedEndpoint);
        long model = db.longValue("insert into model (slug, name, context_length, max_output_tokens) "
                + "values ('probe/sealed', 'm', 8192, 512) returning id");
        long listing = db.longValue("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                + "output_price_micros_per_mtok, status) values (?, ?, 'up', 1, 2, 'draft') returning id", model, sealedEndpoint);
        assertEquals("sk-upstream-secret", store.target(listing).orElseThrow().endpoint().apiKey());
    }

    @Test
    void oneRunningRunPerListing() throws SQLException {
        long listing = listing("pending");
        OptionalLong first = store.start(listing, "provider", null);
        assertTrue(first.isPresent());
        assertTrue(store.start(listing, "admin", "root").isEmpty());
        store.progress(first.getAsLong(), ProbeReport.empty().with(CheckResult.pass(Check.PROTOCOL, "ok", Map.of())));
        assertEquals(1, store.history(listing, 10).get(0).report().results().size());
        store.finish(first.getAsLong(), failed(), 12);
        ProbeRun run = store.history(listing, 10).get(0);
        assertEquals("failed", run.status());
        assertEquals(12, run.latencyMs());
        assertTrue(store.start(listing, "admin", "root").isPresent());
        assertEquals(1, db.longValue("select count(*) from audit_log where action = 'listing_probe.start' and target = ?",
                "listing:" + listing));
        assertTrue(store.target(listing).isPresent());
        assertEquals(providerId, store.target(listing).get().providerId());
    }

    @Test
    void threeFailuresInARowCountOnlyBackToTheLastPass() throws SQLException {
        long listing = listing("live");
        finish(listing, failed());
        finish(listing, passedReport());
        finish(listing, failed());
        finish(listing, failed());
        assertEquals(2, store.failuresInARow(listing));
        finish(listing, failed());
        assertEquals(3, store.failuresInARow(listing));
    }

    @Test
    void pauseOnceWithANoticeForEveryMember() throws SQLException {
        long listing = listing("live");
        long notices = db.longValue("select count(*) from inbox_notice where username in ('alice', 'bob')");
        long version = db.longValue("select version from catalog_version");
        assertTrue(store.pause(listing, "3 probes failed", "Listing paused", "body"));
        assertFalse(store.pause(listing, "3 probes failed", "Listing paused", "body"));
        assertEquals(notices + 2, db.longValue("select count(*) from inbox_notice where username in ('alice', 'bob')"));
        assertEquals(1, db.longValue("select count(*) from listing where id = ? and status = 'paused' "
                + "and status_reason = '3 probes failed'", listing));
        assertTrue(db.longValue("select version from catalog_version") > version);
    }

    @Test
    void dueOnlyLiveProbedListingsWhoseLastRunIsOlderThanTheInterval() throws SQLException {
        long neverProbed = listing("live");
        long pending = listing("pending");
        long recent = listing("live");
        long old = listing("live");
        finish(pending, failed());
        finish(recent, passedReport());
        finish(old, passedReport());
        db.execute("update listing_probe set started_at = now() - interval '1 hour' where listing_id = " + old);
        var due = store.dueForReprobe(Duration.ofMinutes(15), 100);
        assertTrue(due.contains(old));
        assertFalse(due.contains(recent));
        assertFalse(due.contains(pending));
        assertFalse(due.contains(neverProbed));
        store.start(old, "schedule", null);
        assertFalse(store.dueForReprobe(Duration.ofMinutes(15), 100).contains(old), "running: not due");
    }

    @Test
    void staleRunsAreAbandoned() throws SQLException {
        long listing = listing("live");
        store.start(listing, "schedule", null);
        db.execute("update listing_probe set started_at = now() - interval '1 hour' where listing_id = " + listing);
        assertTrue(store.abandonStale(Duration.ofMinutes(10)) >= 1);
        assertEquals("failed", store.history(listing, 1).get(0).status());
    }

    @Test
    void listingsOfAProviderWithTheirLatestRun() throws SQLException {
        long listing = listing("pending");
        finish(listing, failed());
        var mine = store.listings(providerId).stream().filter(l -> l.id() == listing).findFirst().orElseThrow();
        assertEquals("failed", mine.latestProbeStatus());
        assertEquals("pending", mine.status());
    }

    private static ProbeReport passedReport() {
        ProbeReport r = ProbeReport.empty();
        for (Check c : Check.values()) {
            r = r.with(CheckResult.pass(c, "ok", Map.of()));
        }
        return r;
    }

    private static void finish(long listing, ProbeReport report) {
        long id = store.start(listing, "schedule", null).orElseThrow();
        store.finish(id, report, null);
    }
}
