package dev.marketplace.simulation;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * The simulated marketplace's catalog and customers: providers (the first one platform-operated, as the built-in
 * simulator is), one endpoint and two live listings each, developers with one API key each. Set up by plain SQL:
 * catalog rows, not money. Prices and take rates are mirrored in memory for the callers and changed mid-month
 * through the shared effective-dated tables ({@code listing_price_change}, {@code provider_take_rate_change}),
 * applied to the rows the gateway's snapshot reads, as their appliers do.
 */
final class Catalog {

    /** A live listing as the gateway's snapshot would route it. */
    static final class Listing {
        final long id;
        final String modelSlug;
        final Provider provider;
        volatile long inputPriceMicrosPerMTok;
        volatile long outputPriceMicrosPerMTok;

        Listing(long id, String modelSlug, Provider provider, long input, long output) {
            this.id = id;
            this.modelSlug = modelSlug;
            this.provider = provider;
            this.inputPriceMicrosPerMTok = input;
            this.outputPriceMicrosPerMTok = output;
        }
    }

    static final class Provider {
        final long id;
        final String slug;
        final boolean platformOperated;
        volatile int takeRateBps;

        Provider(long id, String slug, boolean platformOperated, int takeRateBps) {
            this.id = id;
            this.slug = slug;
            this.platformOperated = platformOperated;
            this.takeRateBps = takeRateBps;
        }

        String payeeAccount() {
            return platformOperated ? AccountCodes.REVENUE_PLATFORM_PROVIDER : AccountCodes.providerPayable(id);
        }
    }

    record Developer(long id, long keyId, String email) {
        String creditAccount() {
            return AccountCodes.developerCredit(id);
        }
    }

    final List<Provider> providers = new ArrayList<>();
    final List<Listing> listings = new ArrayList<>();
    final List<Developer> developers = new ArrayList<>();

    static Catalog create(DataSource data, int providerCount, int developerCount, Random random) {
        Catalog catalog = new Catalog();
        Transactions.inTransaction(data, "creating the simulated catalog", c -> {
            long[] models = {model(c, "sim-month/small", 8_192), model(c, "sim-month/large", 32_768)};
            for (int p = 1; p <= providerCount; p++) {
                Provider provider = new Provider(provider(c, "simprov-" + p, p == 1), "simprov-" + p, p == 1, 500);
                catalog.providers.add(provider);
                long endpoint = id(c, "insert into provider_endpoint (provider_id, name, base_url, adapter_id, status)"
                        + " values (?, 'main', 'http://127.0.0.1:9/v1', 'openai', 'active') returning id", provider.id);
                for (int m = 0; m < models.length; m++) {
                    long input = 200_000 + 100_000L * random.nextInt(30);
                    long output = 2 * input + 100_000L * random.nextInt(20);
                    long listing = listing(c, models[m], endpoint, input, output);
                    catalog.listings.add(new Listing(listing, m == 0 ? "sim-month/small" : "sim-month/large", provider,
                            input, output));
                }
            }
            for (int d = 1; d <= developerCount; d++) {
                long developer = id(c, "insert into developer (username, email) values (?, ?) returning id",
                        "simdev-" + d, "simdev-" + d + "@example.test");
                long key = id(c, "insert into api_key (developer_id, name, key_hash, key_hint) values (?, 'sim', ?,"
                        + " 'sk-…sim') returning id", developer, "sim-hash-" + d);
                catalog.developers.add(new Developer(developer, key, "simdev-" + d + "@example.test"));
            }
            return null;
        });
        return catalog;
    }

    /** Every fifth listing changes its price, every tenth provider its take rate: recorded, then applied. */
    String changeMidMonth(DataSource data) {
        int prices = 0;
        int rates = 0;
        for (int i = 0; i < listings.size(); i += 5) {
            Listing l = listings.get(i);
            long input = l.inputPriceMicrosPerMTok * 6 / 5;
            long output = l.outputPriceMicrosPerMTok * 9 / 10;
            Transactions.inTransaction(data, "changing the price of listing " + l.id, c -> {
                update(c, "insert into listing_price_change (listing_id, input_price_micros_per_mtok,"
                        + " output_price_micros_per_mtok, effective_at, created_by, applied_at)"
                        + " values (?, ?, ?, now(), 'simulate-month', now())", l.id, input, output);
                update(c, "update listing set input_price_micros_per_mtok = ?, output_price_micros_per_mtok = ?"
                        + " where id = ?", input, output, l.id);
                return null;
            });
            l.inputPriceMicrosPerMTok = input;
            l.outputPriceMicrosPerMTok = output;
            prices++;
        }
        for (int i = 1; i < providers.size(); i += 10) {
            Provider p = providers.get(i);
            int bps = 800;
            Transactions.inTransaction(data, "changing the take rate of provider " + p.id, c -> {
                update(c, "insert into provider_take_rate_change (provider_id, take_rate_bps, effective_at, reason,"
                        + " created_by, applied_at) values (?, ?, now(), 'mid-month review', 'simulate-month', now())",
                        p.id, bps);
                update(c, "update provider set take_rate_bps = ? where id = ?", bps, p.id);
                return null;
            });
            p.takeRateBps = bps;
            rates++;
        }
        return prices + " listing price changes, " + rates + " take-rate changes (5% -> 8%)";
    }

    @Override
    public String toString() {
        return providers.size() + " providers (1 platform-operated), " + listings.size() + " live listings, "
                + developers.size() + " developers with a key";
    }

    private static long model(Connection c, String slug, int context) throws SQLException {
        return id(c, "insert into model (slug, name, context_length, max_output_tokens) values (?, ?, ?, 4096)"
                + " returning id", slug, slug, context);
    }

    private static long provider(Connection c, String slug, boolean platform) throws SQLException {
        return id(c, "insert into provider (slug, name, platform_operated) values (?, ?, ?) returning id", slug, slug,
                platform);
    }

    private static long listing(Connection c, long model, long endpoint, long input, long output) throws SQLException {
        return id(c, "insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok,"
                + " output_price_micros_per_mtok, status, published_at) values (?, ?, 'sim', ?, ?, 'live', now())"
                + " returning id", model, endpoint, input, output);
    }

    private static long id(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
