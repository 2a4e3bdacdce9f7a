package dev.marketplace.testing;

import dev.marketplace.testdb.ClassDatabase;
import dev.marketplace.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database {@code market_unit_<random>} on the test PostgreSQL, migrated with billing's and the
 * marketplace's migrations as the start script does, per test class
 * ({@code @RegisterExtension static final MarketTestDatabase db = MarketTestDatabase.perClass();}).
 */
public final class MarketTestDatabase extends ClassDatabase {

    private MarketTestDatabase() {
        super(() -> FreshDatabase.create("market_unit", "classpath:db/migration/billing",
                "classpath:db/migration/marketplace"));
    }

    /** The database of one test class, as a JUnit extension. */
    public static MarketTestDatabase perClass() {
        return new MarketTestDatabase();
    }

    /**
     * The smallest catalog a usage record can refer to: provider {@code p}, one endpoint, model {@code a/x} (context
     * 1,000, output 100) and its listing at 1 micro-USD per million tokens each way.
     *
     * @return the listing's id
     */
    public long insertOneListing() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into provider (slug, name) values ('p', 'P')");
            s.execute("insert into provider_endpoint (provider_id, name, base_url, adapter_id) "
                    + "select id, 'e', 'http://x', 'openai' from provider");
            s.execute("insert into model (slug, name, context_length, max_output_tokens) values ('a/x', 'X', 1000, 100)");
            try (ResultSet rs = s.executeQuery("insert into listing (model_id, endpoint_id, upstream_model, "
                    + "input_price_micros_per_mtok, output_price_micros_per_mtok) "
                    + "select m.id, e.id, m.slug, 1, 1 from model m, provider_endpoint e returning id")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
