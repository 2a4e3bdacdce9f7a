package dev.marketplace.catalog.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.catalog.stats.EndpointStatsCollector;
import dev.marketplace.catalog.stats.EndpointStatsReader;
import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The public catalog on a real PostgreSQL: only live listings of active endpoints of active providers, cheapest
 * prices per model, filters and sorting, a model's endpoints with every price and its upcoming changes, provider
 * pages and the week's rankings.
 */
class CatalogBrowserTest {
    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();
    private static CatalogBrowser browser;

    @BeforeAll
    static void seed() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into provider (slug, name, payouts_exempt) values ('acme', 'Acme', true), ('beta', 'Beta', true), "
                    + "('gone', 'Gone', true), ('unpaid', 'Unpaid', false)"); // unpaid: no active Connect transfers
            s.execute("update provider set status = 'suspended' where slug = 'gone'");
            s.execute("insert into provider_endpoint (provider_id, name, base_url, adapter_id, status) "
                    + "select id, 'main', 'http://x', 'openai', 'active' from provider");
            s.execute("insert into provider_endpoint (provider_id, name, base_url, adapter_id, status) "
                    + "select id, 'off', 'http://y', 'openai', 'suspended' from provider where slug = 'acme'");
            s.execute("insert into model (slug, name, description, context_length, max_output_tokens, input_modalities) values "
                    + "('acme/chat', 'Acme Chat', 'A friendly chat model', 8000, 1000, '{text}'), "
                    + "('acme/vision', 'Acme Vision', 'Sees pictures', 128000, 4000, '{text,image}'), "
                    + "('beta/draft', 'Beta Draft', 'not live yet', 4000, 100, '{text}'), "
                    + "('gone/old', 'Gone Old', 'provider suspended', 4000, 100, '{text}'), "
                    + "('unpaid/chat', 'Unpaid Chat', 'provider cannot be paid', 4000, 100, '{text}')");
            listing(s, "acme/chat", "acme", "main", 2_000_000, 6_000_000, "live");
            listing(s, "acme/chat", "beta", "main", 1_000_000, 8_000_000, "live");
            listing(s, "acme/chat", "acme", "off", 1, 1, "live"); // endpoint suspended: not shown
            listing(s, "acme/vision", "acme", "main", 5_000_000, 15_000_000, "live");
            listing(s, "beta/draft", "beta", "main", 1, 1, "draft");
            listing(s, "gone/old", "gone", "main", 1, 1, "live");
            listing(s, "unpaid/chat", "unpaid", "main", 1, 1, "live"); // not routed (PaidTrafficGate): not shown
            s.execute("update listing set request_price_micros = 300, cache_read_price_micros_per_mtok = 500000, "
                    + "quantization = 'fp8' where input_price_micros_per_mtok = 5000000");
            s.execute("insert into listing_price_change (listing_id, input_price_micros_per_mtok, "
                    + "output_price_micros_per_mtok, effective_at, created_by) select id, 3000000, 6000000, "
                    + "now() + interval '7 days', 'acme' from listing where input_price_micros_per_mtok = 2000000");
            s.execute("insert into listing_price_change (listing_id, input_price_micros_per_mtok, "
                    + "output_price_micros_per_mtok, effective_at, created_by, applied_at) select id, 9, 9, "
                    + "now() - interval '1 day', 'acme', now() from listing where input_price_micros_per_mtok = 2000000");
            s.execute("insert into developer (username) values ('dev')");
            s.execute("insert into api_key (developer_id, name, key_hash, key_hint) select id, 'k', 'h', 'x' from developer");
            usage(s, "u1", "acme/vision", 1_000, 500, "ok", "23 hours");
            usage(s, "u2", "acme/chat", 100, 100, "ok", "2 days");
            usage(s, "u3", "acme/chat", 99_999, 1, "error", "1 day"); // failed: not served
            usage(s, "u4", "acme/chat", 99_999, 1, "ok", "8 days"); // before the week
            try (ResultSet rs = s.executeQuery("select l.id from listing l join model m on m.id = l.model_id "
                    + "where m.slug = 'acme/vision'")) {
                rs.next();
                long vision = rs.getLong(1);
                // the endpoint stats come from the rollup: u1's call as its node flushed it 23 hours ago
                EndpointStatsCollector node = new EndpointStatsCollector(db.dataSource(),
                        () -> System.currentTimeMillis() - 23 * 3_600_000L);
                node.observe(vision, UsageStatus.OK, 900, 500, false);
                node.flush();
            }
        }
        browser = new CatalogBrowser(db.dataSource(), new EndpointStatsReader(db.dataSource()));
    }

    private static void listing(Statement s, String model, String provider, String endpoint, long in, long out,
                                String status) throws SQLException {
        s.execute("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                + "output_price_micros_per_mtok, status) select m.id, e.id, m.slug, " + in + ", " + out + ", '" + status
                + "' from model m, provider_endpoint e join provider p on p.id = e.provider_id where m.slug = '" + model
                + "' and p.slug = '" + provider + "' and e.name = '" + endpoint + "'");
    }

    private static void usage(Statement s, String id, String model, int prompt, int completion, String status,
                              String ago) throws SQLException {
        s.execute("insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id, "
                + "prompt_tokens, completion_tokens, status, created_at) select '" + id + "', d.id, k.id, '" + model
                + "', 'acme', l.id, " + prompt + ", " + completion + ", '" + status + "', now() - interval '" + ago
                + "' from developer d, api_key k, listing l join model m on m.id = l.model_id where m.slug = '" + model
                + "' and l.status = 'live' order by l.id limit 1");
    }

    @Test
    void onlyLiveListingsOfActiveEndpointsAndProvidersAppearWithTheirCheapestPrices() {
        List<ModelCard> cards = browser.models(CatalogQuery.all());
        assertEquals(List.of("acme/chat", "acme/vision"), cards.stream().map(ModelCard::slug).toList());
        ModelCard chat = cards.get(0);
        assertEquals(List.of("acme", "beta"), chat.providerSlugs());
        assertEquals(1_000_000, chat.minInputMicrosPerMTok()); // beta's input
        assertEquals(6_000_000, chat.minOutputMicrosPerMTok()); // acme's output
        assertEquals(List.of("acme", "beta"), browser.providerSlugs());
        assertEquals(List.of("image", "text"), browser.modalities());
    }

    @Test
    void searchFiltersAndSortNarrowTheList() {
        assertEquals(List.of("acme/vision"), slugs(new CatalogQuery("PICTURES", null, null, null, null, null)));
        assertEquals(List.of("acme/chat"), slugs(new CatalogQuery(null, 10_000_000L, null, null, null, null)));
        assertEquals(List.of("acme/vision"), slugs(new CatalogQuery(null, null, 100_000, null, null, null)));
        assertEquals(List.of("acme/vision"), slugs(new CatalogQuery(null, null, null, "image", null, null)));
        assertEquals(List.of("acme/chat"), slugs(new CatalogQuery(null, null, null, null, "beta", null)));
        assertEquals(List.of(), slugs(new CatalogQuery(null, null, null, null, "gone", null)));
        assertEquals(List.of("acme/vision", "acme/chat"),
                slugs(new CatalogQuery(null, null, null, null, null, CatalogSort.CONTEXT_HIGH)));
        assertEquals(List.of("acme/chat", "acme/vision"),
                slugs(new CatalogQuery(null, null, null, null, null, CatalogSort.PRICE_LOW)));
    }

    @Test
    void aModelPageListsItsEndpointsWithEveryPriceAndTheUpcomingIncrease() {
        ModelDetail chat = browser.model("acme/chat").orElseThrow();
        assertEquals(List.of("acme", "beta"), chat.endpoints().stream().map(EndpointRow::providerSlug).toList());
        EndpointRow acme = chat.endpoints().get(0);
        assertEquals(new Prices(2_000_000, 6_000_000, 0, 0, 0), acme.prices());
        assertEquals(1, acme.upcoming().size(), "the applied change is history, not upcoming");
        PriceChange next = acme.upcoming().get(0);
        assertEquals(3_000_000, next.prices().inputMicrosPerMTok());
        assertTrue(next.increase());
        assertTrue(chat.endpoints().get(1).upcoming().isEmpty());

        EndpointRow vision = browser.model("acme/vision").orElseThrow().endpoints().get(0);
        assertEquals(new Prices(5_000_000, 15_000_000, 300, 500_000, 0), vision.prices());
        assertTrue(vision.prices().hasExtras());
        assertEquals("fp8", vision.quantization());
        assertEquals(1.0, vision.stats().uptimeLast1d());

        assertFalse(browser.model("beta/draft").isPresent());
        assertFalse(browser.model("gone/old").isPresent());
        assertFalse(browser.model("no/such").isPresent());
    }

    @Test
    void aDecreaseIsNotAnIncreaseAndEachChangeIsJudgedAgainstThePriceItReplaces() {
        Prices now = new Prices(10, 10, 0, 0, 0);
        assertFalse(now.raisedBy(new Prices(5, 10, 0, 0, 0)));
        assertTrue(now.raisedBy(new Prices(5, 11, 0, 0, 0)));
        assertTrue(now.raisedBy(new Prices(10, 10, 1, 0, 0)));
    }

    @Test
    void aProviderPageShowsItsLiveModelsOnly() {
        ProviderDetail beta = browser.provider("beta").orElseThrow();
        assertEquals("Beta", beta.name());
        assertEquals(List.of("acme/chat"), beta.offers().stream().map(ProviderDetail.Offer::modelSlug).toList());
        assertFalse(browser.provider("gone").isPresent());
    }

    @Test
    void rankingsCountTheWeeksSuccessfulTokens() {
        assertEquals(List.of(new RankedModel("acme/vision", "Acme Vision", 1_500),
                        new RankedModel("acme/chat", "Acme Chat", 200)),
                browser.rankings());
    }

    @Test
    void aSuspensionTakesTheProviderOutOfTheCatalog() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("update provider set status = 'suspended' where slug = 'beta'");
            try {
                CatalogBrowser fresh = new CatalogBrowser(db.dataSource(), new EndpointStatsReader(db.dataSource()));
                assertEquals(List.of("acme"), fresh.model("acme/chat").orElseThrow().endpoints().stream()
                        .map(EndpointRow::providerSlug).toList());
            } finally {
                s.execute("update provider set status = 'active' where slug = 'beta'");
            }
        }
    }

    private static List<String> slugs(CatalogQuery query) {
        return browser.models(query).stream().map(ModelCard::slug).toList();
    }
}
