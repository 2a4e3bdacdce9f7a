package dev.marketplace.onboarding.listings.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.marketplace.billing.jdbc.BillingDataException;
import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.onboarding.listings.domain.ModelsDocument;
import dev.marketplace.onboarding.outbound.AllowList;
import dev.marketplace.onboarding.outbound.FetchLimits;
import dev.marketplace.onboarding.outbound.GuardedFetch;
import dev.marketplace.onboarding.outbound.HostResolver;
import dev.marketplace.onboarding.outbound.UrlGuard;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportListingsTest {

    private static TestDatabase db;
    private static HttpServer server;
    private static String origin;
    private static GuardedFetch fetch;
    private ImportListings imports;
    private long acme;
    private long rival;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/v1/models", exchange -> {
            boolean authorised = "Bearer up-key".equals(exchange.getRequestHeaders().getFirst("Authorization"));
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
        db.close();
    }

    @BeforeEach
    void providers() throws SQLException {
        db.execute("truncate listing_draft, model_author, listing, model, provider_endpoint, provider cascade");
        acme = db.provider("acme");
        rival = db.provider("rival");
        imports = new ImportListings(db.dataSource(), fetch);
    }

    @AfterEach
    void dropTrap() throws SQLException {
        db.execute("drop trigger if exists trap on listing_draft");
    }

    @Test
    void aValidDocumentBecomesDrafts() throws SQLException {
        ImportReport report = imports.fromDocument(acme, "https://acme.example/v1/models", valid());
        assertTrue(report.applied(), report.problems().toString());
        assertEquals(3, report.drafts().size());
        assertEquals(3, count());
        assertEquals(125_000, db.longValue("select input_price_micros_per_mtok from listing_draft where upstream_model = 'Acme-Chat-7B'"));
        assertEquals(500_000, db.longValue("select output_price_micros_per_mtok from listing_draft where upstream_model = 'Acme-Chat-7B'"));
        assertEquals(1, db.longValue("select count(*) from listing_draft where model_slug = 'acme/chat-7b' and "
                + "details->>'deprecation_date' = '2027-06-30T00:00:00Z' and details->'datacenters' = '[\"DE\",\"US\"]'::jsonb"));
    }

    @Test
    void requestCacheAndTierPricesAreKeptOnTheDraftAndUpdated() throws SQLException {
        ImportReport report = imports.fromDocument(acme, "https://acme.example/v1/models", ModelsDocument.parse(fixture("priced.json")));
        assertTrue(report.applied(), report.problems().toString());
        String row = "from listing_draft where upstream_model = 'acme/every-price'";
        String[] columns = {"input_price_micros_per_mtok", "output_price_micros_per_mtok", "request_price_micros",
                "cache_read_price_micros_per_mtok", "cache_write_price_micros_per_mtok", "tier_min_context",
                "tier_input_price_micros_per_mtok", "tier_output_price_micros_per_mtok"};
        long[] expected = {1_250_000, 10_000_000, 200, 125_000, 1_625_000, 200_000, 2_500_000, 15_000_000};
        for (int i = 0; i < columns.length; i++) {
            assertEquals(expected[i], db.longValue("select " + columns[i] + " " + row), columns[i]);
        }
        assertEquals(1, db.longValue("select request_price_micros from listing_draft where upstream_model = 'acme/request-only'"));

        String withoutTier = new String(fixture("priced.json"), StandardCharsets.UTF_8)
                .replace("{\"min_context\": 200000, \"prompt\": \"0.0000025\", \"completion\": \"0.000015\"}", "")
                .replace("\"request\": \"0.0002\"", "\"request\": \"0.0003\"");
        assertTrue(imports.fromDocument(acme, "https://acme.example/v1/models",
                ModelsDocument.parse(withoutTier.getBytes(StandardCharsets.UTF_8))).applied());
        assertEquals(300, db.longValue("select request_price_micros " + row));
        assertEquals(1, db.longValue("select count(*) " + row + " and tier_min_context is null"
                + " and tier_input_price_micros_per_mtok is null and tier_output_price_micros_per_mtok is null"), "the tier is gone");
    }

    @Test
    void aSecondImportUpdatesTheDraftsInPlace() throws SQLException {
        imports.fromDocument(acme, "https://acme.example/v1/models", valid());
        String cheaper = new String(fixture("valid.json"), StandardCharsets.UTF_8).replace("\"0.0000005\"", "\"0.0000004\"");
        ImportReport again = imports.fromDocument(acme, "https://acme.example/v2/models",
                ModelsDocument.parse(cheaper.getBytes(StandardCharsets.UTF_8)));
        assertTrue(again.applied());
        assertEquals(3, count());
        assertEquals(400_000, db.longValue("select output_price_micros_per_mtok from listing_draft where upstream_model = 'Acme-Chat-7B'"));
        assertEquals(3, db.longValue("select count(*) from listing_draft where source_url = 'https://acme.example/v2/models'"));
    }

    @Test
    void aDocumentWithOneBadItemWritesNothing() throws SQLException {
        ImportReport report = imports.fromDocument(acme, "https://acme.example/v1/models",
                ModelsDocument.parse(fixture("hostile.json")));
        assertFalse(report.applied());
        assertEquals(13, report.problems().stream().map(ItemProblem::index).distinct().count());
        assertEquals(0, count(), "the one good item of the hostile document is not imported either");
    }

    @Test
    void aNewSlugUnderAnotherProvidersAuthorIsRefusedAndNothingIsWritten() throws SQLException {
        db.execute("insert into model_author (author, provider_id) values ('acme', " + rival + ")");
        ImportReport report = imports.fromDocument(acme, "https://acme.example/v1/models", valid());
        assertFalse(report.applied());
        String problems = report.problems().stream().map(ItemProblem::describe).collect(Collectors.joining("\n"));
        assertTrue(problems.contains("data[0] (Acme-Chat-7B) id: the slug acme/chat-7b is under the author 'acme', "
                + "which belongs to another provider"), problems);
        assertTrue(problems.contains("data[2] (acme/free-1) id: the slug acme/free-1"), problems);
        assertEquals(2, report.problems().size(), "meta-llama/… is nobody's: only the two acme slugs are refused");
        assertEquals(0, count());
    }

    @Test
    void anExistingRegistryModelMayBeListedByAnyProvider() throws SQLException {
        db.execute("insert into model_author (author, provider_id) values ('acme', " + rival + ")");
        db.execute("insert into model (slug, name, context_length, max_output_tokens) values "
                + "('acme/chat-7b', 'Chat 7B', 131072, 8192), ('acme/free-1', 'Free', 4096, 4096)");
        ImportReport report = imports.fromDocument(acme, "https://acme.example/v1/models", valid());
        assertTrue(report.applied(), report.problems().toString());
        assertEquals(1, db.longValue("select count(*) from listing_draft where new_model"), "only meta-llama is new");
    }

    @Test
    void theOwnerMayProposeNewModelsUnderItsAuthor() throws SQLException {
        db.execute("insert into model_author (author, provider_id) values ('acme', " + acme + ")");
        assertTrue(imports.fromDocument(acme, "https://acme.example/v1/models", valid()).applied());
    }

    @Test
    void aSlugAlreadyDraftedFromAnotherUpstreamIdIsRefused() throws SQLException {
        imports.fromDocument(acme, "https://acme.example/v1/models", valid());
        String renamed = new String(fixture("valid.json"), StandardCharsets.UTF_8).replace("\"Acme-Chat-7B\"", "\"acme-chat-7b-v2\"");
        ImportReport report = imports.fromDocument(acme, "u", ModelsDocument.parse(renamed.getBytes(StandardCharsets.UTF_8)));
        assertFalse(report.applied());
        assertTrue(report.problems().get(0).message().contains("already drafted from your model id 'Acme-Chat-7B'"));
        assertEquals(1, db.longValue("select count(*) from listing_draft where upstream_model = 'Acme-Chat-7B'"));
    }

    @Test
    void aFailureWhileWritingRollsBackEveryDraft() throws SQLException {
        db.execute("""
                create or replace function trap() returns trigger language plpgsql as $$
                begin if new.upstream_model = 'acme/free-1' then raise exception 'disk full (simulated)'; end if; return new; end $$;
                create trigger trap before insert on listing_draft for each row execute function trap()""");
        assertThrows(BillingDataException.class, () -> imports.fromDocument(acme, "https://acme.example/v1/models", valid()));
        assertEquals(0, count(), "the two drafts written before the failure were rolled back");
    }

    @Test
    void importsFromAUrlWithTheProvidersKey() throws SQLException {
        ImportReport report = imports.fromUrl(acme, origin + "/v1/models", "up-key");
        assertTrue(report.applied(), report.problems().toString());
        assertEquals(3, count());
    }

    @Test
    void aFetchFailureIsAProblemOfTheUrl() throws SQLException {
        ImportReport unauthorised = imports.fromUrl(acme, origin + "/v1/models", "wrong");
        assertEquals("url", unauthorised.problems().get(0).field());
        assertTrue(unauthorised.problems().get(0).message().contains("HTTP 401"));
        ImportReport privateUrl = imports.fromUrl(acme, "http://10.0.0.7/v1/models", null);
        assertTrue(privateUrl.problems().get(0).describe().startsWith("document url: The URL's host 10.0.0.7 is a private address"),
                privateUrl.problems().get(0).describe());
        assertEquals(0, count());
    }

    private long count() throws SQLException {
        return db.longValue("select count(*) from listing_draft");
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
