package dev.marketplace.onboarding.verification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.onboarding.listings.application.ListingImports;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A provider member may probe and read only its own provider's listings; an id from the request changes nothing. */
class ListingProbesOwnershipTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private static ListingProbes probes;
    private static long mine;
    private static long theirs;

    @BeforeAll
    static void setUp() throws SQLException {
        long acme = db.provider("acme-probe");
        long other = db.provider("other-probe");
        mine = listing(acme, "acme-probe/m");
        theirs = listing(other, "other-probe/m");
        Map<String, Long> members = Map.of("alice", acme, "oscar", other);
        probes = new ListingProbes();
        probes.dataSource = db.dataSource();
        probes.members = new ListingImports() {
            @Override
            public Optional<Long> providerOf(String username) {
                return Optional.ofNullable(members.get(username));
            }
        };
        probes.start();
    }

    private static long listing(long provider, String slug) throws SQLException {
        long endpoint = db.longValue("insert into provider_endpoint (provider_id, name, base_url, adapter_id) "
                + "values (?, 'main', 'https://example.com/v1', 'openai') returning id", provider);
        long model = db.longValue("insert into model (slug, name, context_length, max_output_tokens) "
                + "values (?, 'm', 8192, 512) returning id", slug);
        return db.longValue("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                + "output_price_micros_per_mtok, status) values (?, ?, 'up', 1, 2, 'pending') returning id", model, endpoint);
    }

    @Test
    void anotherProvidersListingIsRefusedAsIfItDidNotExist() {
        ProbeRefusedException e = assertThrows(ProbeRefusedException.class, () -> probes.startAsProvider("alice", theirs));
        assertEquals("No listing " + theirs + " of yours", e.getMessage());
        assertThrows(ProbeRefusedException.class, () -> probes.history("alice", false, theirs));
        assertThrows(ProbeRefusedException.class, () -> probes.startAsProvider("alice", 999_999));
        assertThrows(ProbeRefusedException.class, () -> probes.startAsProvider("mallory", mine), "not a member");
    }

    @Test
    void ownListingsAndAdminsMayRead() throws SQLException {
        assertEquals(0, probes.history("alice", false, mine).size());
        assertEquals(0, probes.history("root", true, theirs).size());
        assertEquals(1, probes.listingsOf("alice").size());
        assertEquals(mine, probes.listingsOf("alice").get(0).id());
        assertEquals(0, probes.listingsOf("mallory").size());
        assertEquals(0, db.longValue("select count(*) from listing_probe"), "nothing was started");
    }
}
