package dev.marketplace.activity.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The activity queries on a real PostgreSQL: only the developer's own rows, the filter, the groups, the paging. */
class ActivityQueriesTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final GenerationFilter THREE_DAYS = new GenerationFilter(D1, D1.plusDays(2), null, null, null);

    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();
    private static ActivityQueries queries;
    private static long dev;
    private static long alpha;
    private static long beta;

    @BeforeAll
    static void seed() throws SQLException {
        queries = new ActivityQueries();
        queries.dataSource = db.dataSource();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into provider (slug, name) values ('p', 'P')");
            s.execute("insert into provider_endpoint (provider_id, name, base_url, adapter_id) "
                    + "select id, 'e', 'http://x', 'openai' from provider");
            s.execute("insert into model (slug, name, context_length, max_output_tokens) values "
                    + "('a/x', 'X', 1000, 100), ('b/y', 'Y', 1000, 100)");
            s.execute("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok, "
                    + "output_price_micros_per_mtok) select m.id, e.id, m.slug, 1, 1 from model m, provider_endpoint e");
            dev = id(c, "insert into developer (username) values ('dev') returning id");
            long other = id(c, "insert into developer (username) values ('other') returning id");
            alpha = key(c, dev, "alpha");
            beta = key(c, dev, "beta");
            long stranger = key(c, other, "stranger");
            usage(c, "g1", dev, alpha, "a/x", "2026-11-01T09:00:00Z", 10, 5, 100, "ok", "{\"tag\":\"checkout\"}");
            usage(c, "g2", dev, alpha, "a/x", "2026-11-01T10:00:00Z", 1, 1, 50, "error", null);
            usage(c, "g3", dev, beta, "b/y", "2026-11-02T23:59:59Z", 100, 50, 1000, "ok",
                    "{\"tag\":\"search\",\"team\":\"t, \\\"1\\\"\"}");
            usage(c, "g4", dev, beta, "b/y", "2026-11-03T00:30:00Z", 3, 4, 7, "ok", "{\"team\":\"t2\"}");
            usage(c, "g0", dev, alpha, "a/x", "2026-10-31T23:59:59Z", 1, 1, 1, "ok", null); // the day before
            usage(c, "g5", dev, alpha, "a/x", "2026-11-04T00:00:00Z", 1, 1, 1, "ok", null); // the day after
            usage(c, "x1", other, stranger, "a/x", "2026-11-02T12:00:00Z", 9, 9, 999_999, "ok", "{\"tag\":\"checkout\"}");
        }
    }

    @Test
    void dailyByModelSumsSpendTokensAndRequestsPerUtcDay() {
        assertEquals(List.of(
                        new DailyUsage(D1, "a/x", 150, 17, 2),
                        new DailyUsage(D1.plusDays(1), "b/y", 1000, 150, 1),
                        new DailyUsage(D1.plusDays(2), "b/y", 7, 7, 1)),
                queries.daily(dev, THREE_DAYS, Breakdown.MODEL, null));
    }

    @Test
    void dailyByKeyNamesTheKey() {
        assertEquals(List.of("alpha", "beta", "beta"),
                queries.daily(dev, THREE_DAYS, Breakdown.KEY, null).stream().map(DailyUsage::group).toList());
    }

    @Test
    void dailyByMetadataGroupsByTheChosenKeysValue() {
        assertEquals(List.of(
                        new DailyUsage(D1, "", 50, 2, 1),
                        new DailyUsage(D1, "checkout", 100, 15, 1),
                        new DailyUsage(D1.plusDays(1), "search", 1000, 150, 1),
                        new DailyUsage(D1.plusDays(2), "", 7, 7, 1)),
                queries.daily(dev, THREE_DAYS, Breakdown.METADATA, "tag"));
        assertEquals(List.of("", "t, \"1\"", "t2"), // g1 and g2 share day 1 without a team
                queries.daily(dev, THREE_DAYS, Breakdown.METADATA, "team").stream().map(DailyUsage::group).toList());
    }

    @Test
    void pagesAreNewestFirstAndOnlyTheDevelopersOwn() {
        assertEquals(List.of("g4", "g3", "g2", "g1"), ids(queries.page(dev, THREE_DAYS, 0, 100)));
        assertEquals(List.of("g3", "g2"), ids(queries.page(dev, THREE_DAYS, 1, 2)));
        assertEquals(List.of(), ids(queries.page(dev, THREE_DAYS, 4, 2)));
        GenerationRow g3 = queries.page(dev, THREE_DAYS, 1, 1).get(0);
        assertEquals(new GenerationRow("g3", OffsetDateTime.parse("2026-11-02T23:59:59Z").toInstant(), "b/y", "p", "beta",
                100, 50, 1000, 42, "ok", true, "{\"tag\": \"search\", \"team\": \"t, \\\"1\\\"\"}"), g3);
        assertThrows(IllegalArgumentException.class, () -> queries.page(dev, THREE_DAYS, -1, 2));
    }

    @Test
    void theFilterNarrowsByModelKeyAndStatus() {
        assertEquals(List.of("g2", "g1"), ids(queries.page(dev, THREE_DAYS.withModel("a/x"), 0, 100)));
        assertEquals(List.of("g4", "g3"), ids(queries.page(dev, THREE_DAYS.withKey(beta), 0, 100)));
        assertEquals(List.of("g2"), ids(queries.page(dev, THREE_DAYS.withStatus("error"), 0, 100)));
        assertEquals(List.of(), ids(queries.page(dev, THREE_DAYS.withKey(alpha).withModel("b/y"), 0, 100)));
        assertEquals(List.of("g3"), ids(queries.page(dev, new GenerationFilter(D1.plusDays(1), D1.plusDays(1), null,
                null, null), 0, 100)));
    }

    @Test
    void anExportStreamsExactlyWhatThePagesShow() throws Exception {
        for (GenerationFilter f : List.of(THREE_DAYS, THREE_DAYS.withModel("b/y"), THREE_DAYS.withStatus("ok"))) {
            List<GenerationRow> streamed = new ArrayList<>();
            queries.each(dev, f, streamed::add);
            assertEquals(queries.page(dev, f, 0, 100), streamed);
        }
    }

    @Test
    void choicesForTheFilterAndTheBreakdown() {
        assertEquals(List.of("tag", "team"), queries.metadataKeys(dev, THREE_DAYS));
        assertEquals(List.of("a/x", "b/y"), queries.models(dev, THREE_DAYS));
        assertEquals(List.of("b/y"), queries.models(dev, THREE_DAYS.withKey(beta)));
    }

    @Test
    void theFilterIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new GenerationFilter(D1, D1.minusDays(1), null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new GenerationFilter(D1, D1.plusDays(GenerationFilter.MAX_DAYS), null, null, null));
        assertEquals(D1.plusDays(GenerationFilter.MAX_DAYS - 1),
                new GenerationFilter(D1, D1.plusDays(GenerationFilter.MAX_DAYS - 1), null, null, null).to());
        assertThrows(IllegalArgumentException.class, () -> THREE_DAYS.withStatus("done"));
        assertEquals(null, THREE_DAYS.withModel("  ").model());
        assertTrue(GenerationFilter.lastDays(7, D1).from().equals(D1.minusDays(6)));
    }

    private static List<String> ids(List<GenerationRow> rows) {
        return rows.stream().map(GenerationRow::id).toList();
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long key(Connection c, long developer, String name) throws SQLException {
        return id(c, "insert into api_key (developer_id, name, key_hash, key_hint) values (" + developer + ", '" + name
                + "', 'hash-" + name + "', 'sk-…" + name + "') returning id");
    }

    private static void usage(Connection c, String id, long developer, long key, String model, String at,
                              long promptTokens, long completionTokens, long costMicros, String status, String metadata)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id,
                    prompt_tokens, completion_tokens, cost_micros, latency_ms, status, streamed, created_at, metadata)
                values (?, ?, ?, ?, 'p', (select l.id from listing l join model m on m.id = l.model_id where m.slug = ?),
                    ?, ?, ?, 42, ?, true, ?, cast(? as jsonb))""")) {
            ps.setString(1, id);
            ps.setLong(2, developer);
            ps.setLong(3, key);
            ps.setString(4, model);
            ps.setString(5, model);
            ps.setLong(6, promptTokens);
            ps.setLong(7, completionTokens);
            ps.setLong(8, costMicros);
            ps.setString(9, status);
            ps.setObject(10, OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC));
            ps.setString(11, metadata);
            ps.executeUpdate();
        }
    }
}
