package dev.marketplace.onboarding.listings.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.marketplace.billing.jdbc.BillingDataException;
import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.onboarding.listings.domain.ModelsDocument;
import dev.marketplace.platform.outbound.AllowList;
import dev.marketplace.platform.outbound.FetchLimits;
import dev.marketplace.platform.outbound.GuardedFetch;
import dev.marketplace.platform.outbound.HostResolver;
import dev.marketplace.platform.outbound.UrlGuard;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImportListingsTest {

    private static final String SOURCE = "https://acme.example/v1/models";
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private static HttpServer server;
    private static String origin;
    private static GuardedFetch fetch;
    private ImportListings imports;
    private long acme;
    private long rival;
    private long endpoint;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/v1/models", exchange -> {
            boolean authorised = "Bearer up-key-1234".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = authorised ? fixture("valid.json") : "{\"error\":\"unauthorised\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        fetch = new GuardedFetch(new UrlGuard(HostResolver.system(), AllowList.parse(origin)), FetchLimits.LIST_MODELS);
    }

    @AfterAll
    static void stop() throws SQLException {
        fetch.close();
        server.stop(0);
    }

    @BeforeEach
    void providers() throws SQLException {
        db.execute("truncate model_author, listing_probe, listing, model, provider_endpoint, provider cascade");
        acme = db.provider("acme");
        rival = db.provider("rival");
        endpoint = db.endpoint(acme, "main", origin + "/v1/models", "up-key-1234");
        imports = new ImportListings(db.dataSource(), fetch, TestDatabase.cipher());
    }

    @AfterEach
    void dropTrap() throws SQLException {
        db.execute("drop trigger if exists trap on listing");
    }

    @Test
    void aValidDocumentBecomesDraftListingsOfTheEndpointAndProposesNewModels() throws SQLException {
        ImportReport report = imports.fromDocument(acme, endpoint, SOURCE, valid());
        assertTrue(report.applied(), report.problems().toString());
        assertEquals(3, report.created());
        assertEquals(List.of("acme/chat-7b", "meta-llama/llama-3.1-8b-instruct", "acme/free-1"), report.proposedModels());
        assertEquals(3, count("status = 'draft' and endpoint_id = " + endpoint));
        assertEquals(125_000, db.longValue("select input_price_micros_per_mtok from listing where upstream_model = 'Acme-Chat-7B'"));
        assertEquals(500_000, db.longValue("select output_price_micros_per_mtok from listing where upstream_model = 'Acme-Chat-7B'"));
        assertEquals(0, db.longValue("select request_price_micros + cache_read_price_micros_per_mtok "
                + "+ cache_write_price_micros_per_mtok from listing where upstream_model = 'Acme-Chat-7B'"));
        assertEquals(1, count("details->>'deprecation_date' = '2027-06-30T00:00:00Z' and details->'datacenters' = "
                + "'[\"DE\",\"US\"]'::jsonb and details->>'source_url' = '" + SOURCE + "'"));
        assertEquals(3, db.longValue("select count(*) from model where registry_status = 'proposed' and proposed_by = " + acme));
    }

    @Test
    void anAcceptedRegistryModelIsListedWithoutAProposal() throws SQLException {
        db.execute("insert into model (slug, name, context_length, max_output_tokens) values ('acme/chat-7b', 'Chat 7B', 131072, 8192)");
        ImportReport report = imports.fromDocument(acme, endpoint, SOURCE, valid());
        assertEquals(List.of("meta-llama/llama-3.1-8b-instruct", "acme/free-1"), report.proposedModels());
        assertEquals("accepted", db.string("select m.registry_status from listing l join model m on m.id = l.model_id "
                + "where l.upstream_model = 'Acme-Chat-7B'"));
    }

    @Test
    void aSecondImportUpdatesDraftsInPlaceAndKeepsListingsPastDraft() throws SQLException {
        imports.fromDocument(acme, endpoint, SOURCE, valid());
        db.execute("update listing set status = 'live' where upstream_model = 'acme/free-1'");
        String changed = new String(fixture("valid.json"), StandardCharsets.UTF_8)
                .replace("\"0.0000005\"", "\"0.0000004\"").replace("{\"prompt\": \"0\",", "{\"prompt\": \"0.000001\",");
        ImportReport again = imports.fromDocument(acme, endpoint, "https://acme.example/v2/models",
                ModelsDocument.parse(changed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(again.applied(), again.problems().toString());
        assertEquals(0, again.created());
        assertEquals(2, again.updated());
        assertEquals(List.of("acme/free-1 (live)"), again.keptAsIs());
        assertEquals(3, count("true"));
        assertEquals(400_000, db.longValue("select output_price_micros_per_mtok from listing where upstream_model = 'Acme-Chat-7B'"));
        assertEquals(0, db.longValue("select input_price_micros_per_mtok from listing where upstream_model = 'acme/free-1'"),
                "a live listing's prices change only through scheduled price changes");
    }

    @Test
    void requestCacheAndTierPricesAreKeptOnTheDraftAndUpdated() throws SQLException {
        ImportReport report = imports.fromDocument(acme, endpoint, SOURCE, ModelsDocument.parse(fixture("priced.json")));
        assertTrue(report.applied(), report.problems().toString());
        String row = "from listing where upstream_model = 'acme/every-price'";
        String[] columns = {"input_price_micros_per_mtok", "output_price_micros_per_mtok", "request_price_micros",
                "cache_read_price_micros_per_mtok", "cache_write_price_micros_per_mtok", "tier_min_context",
                "tier_input_price_micros_per_mtok", "tier_output_price_micros_per_mtok"};
        long[] expected = {1_250_000, 10_000_000, 200, 125_000, 1_625_000, 200_000, 2_500_000, 15_000_000};
        for (int i = 0; i < columns.length; i++) {
            assertEquals(expected[i], db.longValue("select " + columns[i] + " " + row), columns[i]);
        }
        assertEquals(1, db.longValue("select request_price_micros from listing where upstream_model = 'acme/request-only'"));

        String withoutTier = new String(fixture("priced.json"), StandardCharsets.UTF_8)
                .replace("{\"min_context\": 200000, \"prompt\": \"0.0000025\", \"completion\": \"0.000015\"}", "")
                .replace("\"request\": \"0.0002\"", "\"request\": \"0.0003\"");
        assertTrue(imports.fromDocument(acme, endpoint, SOURCE,
                ModelsDocument.parse(withoutTier.getBytes(StandardCharsets.UTF_8))).applied());
        assertEquals(300, db.longValue("select request_price_micros " + row));
        assertEquals(1, db.longValue("select count(*) " + row + " and tier_min_context is null"
                + " and tier_input_price_micros_per_mtok is null and tier_output_price_micros_per_mtok is null"), "the tier is gone");
    }

    @Test
    void aDocumentWithOneBadItemWritesNothing() throws SQLException {
        ImportReport report = imports.fromDocument(acme, endpoint, SOURCE, ModelsDocument.parse(fixture("hostile.json")));
        assertFalse(report.applied());
        assertEquals(13, report.problems().stream().map(ItemProblem::index).distinct().count());
        assertEquals(0, count("true"), "the one good item of the hostile document is not imported either");
        assertEquals(0, db.longValue("select count(*) from model"));
    }

    @Test
    void aNewSlugUnderAnotherProvidersAuthorIsRefusedAndNothingIsWritten() throws SQLException {
        db.execute("insert into model_author (author, provider_id) values ('acme', " + rival + ")");
        ImportReport report = imports.fromDocument(acme, endpoint, SOURCE, valid());
        assertFalse(report.applied());
        String problems = report.problems().stream().map(ItemProblem::describe).collect(Collectors.joining("\n"));
        assertTrue(problems.contains("data[0] (Acme-Chat-7B) id: the slug acme/chat-7b is under the author 'acme', "
                + "which belongs to another provider"), problems);
        assertTrue(problems.contains("data[2] (acme/free-1) id: the slug acme/free-1"), problems);
        assertEquals(2, report.problems().size(), "meta-llama/… is nobody's: only the two acme slugs are refused");
        assertEquals(0, count("true"));
        assertEquals(0, db.longValue("select count(*) from model"));
    }

    @Test
    void anotherProvidersPendingProposalCannotBeListed() throws SQLException {
        long rivalEndpoint = db.endpoint(rival, "rival-main", null, null);
        assertTrue(imports.fromDocument(rival, rivalEndpoint, SOURCE, valid()).applied());
        ImportReport report = imports.fromDocument(acme, endpoint, SOURCE, valid());
        assertFalse(report.applied());
        assertTrue(report.problems().get(0).message().contains("another provider's registry proposal"), report.problems().toString());
        assertEquals(0, count("endpoint_id = " + endpoint));
    }

    @Test
    void anAcceptedModelUnderAnotherProvidersAuthorMayBeListed() throws SQLException {
        db.execute("insert into model_author (author, provider_id) values ('acme', " + rival + ")");
        db.execute("insert into model (slug, name, context_length, max_output_tokens) values "
                + "('acme/chat-7b', 'Chat 7B', 131072, 8192), ('acme/free-1', 'Free', 4096, 4096)");
        ImportReport report = imports.fromDocument(acme, endpoint, SOURCE, valid());
        assertTrue(report.applied(), report.problems().toString());
        assertEquals(List.of("meta-llama/llama-3.1-8b-instruct"), report.proposedModels());
    }

    @Test
    void theOwnerMayProposeNewModelsUnderItsAuthor() {
        assertTrue(imports.fromDocument(acme, endpoint, SOURCE, valid()).applied());
    }

    @Test
    void aFailureWhileWritingRollsBackEverything() throws SQLException {
        db.execute("""
                create or replace function trap() returns trigger language plpgsql as $$
                begin if new.upstream_model = 'acme/free-1' then raise exception 'disk full (simulated)'; end if; return new; end $$;
                create trigger trap before insert on listing for each row execute function trap()""");
        assertThrows(BillingDataException.class, () -> imports.fromDocument(acme, endpoint, SOURCE, valid()));
        assertEquals(0, count("true"), "the listings written before the failure were rolled back");
        assertEquals(0, db.longValue("select count(*) from model"), "and so were the proposals");
    }

    @Test
    void importsFromTheEndpointsUrlWithItsSealedKey() throws SQLException {
        ImportReport report = imports.fromEndpoint(acme, endpoint);
        assertTrue(report.applied(), report.problems().toString());
        assertEquals(3, count("true"));
    }

    @Test
    void aFetchFailureIsAProblemOfTheUrl() throws SQLException {
        long wrongKey = db.endpoint(acme, "wrong-key", origin + "/v1/models", "not-the-key");
        ImportReport unauthorised = imports.fromEndpoint(acme, wrongKey);
        assertEquals("url", unauthorised.problems().get(0).field());
        assertTrue(unauthorised.problems().get(0).message().contains("HTTP 401"));
        long privateUrl = db.endpoint(acme, "private", "http://10.0.0.7/v1/models", null);
        ImportReport refused = imports.fromEndpoint(acme, privateUrl);
        assertTrue(refused.problems().get(0).describe().startsWith("document url: The URL's host 10.0.0.7 is a private address"),
                refused.problems().get(0).describe());
        assertEquals(0, count("true"));
    }

    @Test
    void anotherProvidersEndpointOrOneWithoutAUrlIsRefused() throws SQLException {
        long rivalEndpoint = db.endpoint(rival, "rival-main", origin + "/v1/models", "up-key-1234");
        ListingException notYours = assertThrows(ListingException.class, () -> imports.fromEndpoint(acme, rivalEndpoint));
        assertEquals("You have no endpoint " + rivalEndpoint, notYours.getMessage());
        assertThrows(ListingException.class, () -> imports.fromDocument(acme, rivalEndpoint, SOURCE, valid()));
        long noUrl = db.endpoint(acme, "no-url", null, "k");
        assertTrue(assertThrows(ListingException.class, () -> imports.fromEndpoint(acme, noUrl)).getMessage()
                .contains("has no List Models URL"));
        assertEquals(0, count("true"));
    }

    private long count(String where) throws SQLException {
        return db.longValue("select count(*) from listing where " + where);
    }

    private static ModelsDocument valid() {
        return ModelsDocument.parse(fixture("valid.json"));
    }

    static byte[] fixture(String name) {
        try (InputStream in = ImportListingsTest.class.getResourceAsStream("/listmodels/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
