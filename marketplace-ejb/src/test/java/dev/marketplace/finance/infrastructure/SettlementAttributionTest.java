package dev.marketplace.finance.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.billing.charges.ChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.settlements.Frequency;
import dev.marketplace.billing.settlements.Period;
import dev.marketplace.billing.settlements.SettlementPayee;
import dev.marketplace.billing.settlements.SettlementPolicy;
import dev.marketplace.billing.settlements.Settlements;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementLine;
import dev.marketplace.billing.settlements.StatementStatus;
import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Usage journals posted by billing's charge writer under usage record ids, attributed back through the usage records
 * (provider via listing → endpoint, model, tokens), and settled by billing with these ports on one database.
 */
class SettlementAttributionTest {

    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();
    private static long paid;
    private static long simulator;

    @BeforeAll
    static void seed() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            paid = id(s, "insert into provider (slug, name) values ('paid', 'Paid') returning id");
            simulator = id(s, "insert into provider (slug, name, platform_operated) values ('sim', 'Sim', true)"
                    + " returning id");
            s.execute("insert into provider_endpoint (provider_id, name, base_url, adapter_id) select id, 'e',"
                    + " 'http://x', 'openai' from provider");
            s.execute("insert into model (slug, name, context_length, max_output_tokens) values ('a/x', 'X', 1000, 100),"
                    + " ('b/y', 'Y', 1000, 100)");
            s.execute("insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok,"
                    + " output_price_micros_per_mtok) select m.id, e.id, m.slug, 1, 1 from model m, provider_endpoint e");
            long dev = id(s, "insert into developer (username) values ('dev') returning id");
            long key = id(s, "insert into api_key (developer_id, name, key_hash, key_hint) values (" + dev
                    + ", 'k', 'h', 'sk-…k') returning id");
            usage(c, s, "u1", dev, key, "a/x", paid, 10, 5, 1_000_000);
            usage(c, s, "u2", dev, key, "b/y", paid, 7, 3, 2_000_000);
            usage(c, s, "u3", dev, key, "a/x", paid, 1, 1, 3_000_000);
            usage(c, s, "u4", dev, key, "a/x", simulator, 2, 2, 500_000);
        }
    }

    private static void usage(Connection c, java.sql.Statement s, String id, long dev, long key, String model, long provider,
                              int prompt, int completion, long gross) throws SQLException {
        s.execute("insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id,"
                + " prompt_tokens, completion_tokens, cost_micros, status) select '" + id + "', " + dev + ", " + key
                + ", '" + model + "', p.slug, l.id, " + prompt + ", " + completion + ", " + gross + ", 'ok'"
                + " from listing l join model m on m.id = l.model_id join provider_endpoint e on e.id = l.endpoint_id"
                + " join provider p on p.id = e.provider_id where m.slug = '" + model + "' and p.id = " + provider);
        String payee = provider == simulator ? AccountCodes.REVENUE_PLATFORM_PROVIDER
                : AccountCodes.providerPayable(provider);
        c.setAutoCommit(false);
        new ChargeWriter().settle(c, new UsageCharge(id, null, dev, payee, AccountCodes.REVENUE_TAKE, gross,
                provider == simulator ? 0 : 500));
        c.commit();
        c.setAutoCommit(true);
    }

    private static long id(java.sql.Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void usageRecordsNameProviderModelAndTokensOfEachKnownKey() {
        var usage = new UsageRecordAttribution(db.dataSource()).of(Set.of("u1", "u4", "nope"));

        assertEquals(Map.of("u1", new dev.marketplace.billing.settlements.UsageAttribution.Usage(paid, "a/x", 10, 5),
                "u4", new dev.marketplace.billing.settlements.UsageAttribution.Usage(simulator, "a/x", 2, 2)), usage);
    }

    @Test
    void aStatementOverTheRealPortsHasOneLinePerModelAndThePlatformProviderIsOnlyReported() {
        ProviderPayees payees = new ProviderPayees(db.dataSource());
        Instant now = Instant.now();
        Settlements settlements = new Settlements(db.dataSource(), new SettlementPolicy(Frequency.DAILY, 0,
                Duration.ZERO), Clock.fixed(now.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        Period today = Frequency.DAILY.periodContaining(now);
        SettlementPayee payee = payees.find(paid).orElseThrow();

        Statement statement = settlements.settlePeriod(payee, today, new UsageRecordAttribution(db.dataSource()), "t");
        List<StatementLine> lines = settlements.lines(statement.id());
        Statement platform = settlements.settlePeriod(payees.find(simulator).orElseThrow(), today,
                new UsageRecordAttribution(db.dataSource()), "t");

        assertEquals(List.of("a/x 2 11 6 4000000", "b/y 1 7 3 2000000"), lines.stream().map(l -> l.model() + " "
                + l.requests() + " " + l.promptTokens() + " " + l.completionTokens() + " " + l.grossMicros()).toList());
        assertEquals(5_700_000, statement.netMicros());
        assertEquals(List.of(StatementStatus.PLATFORM, 500_000L, 1L), List.of(platform.status(), platform.netMicros(),
                platform.requests()));
        assertEquals(List.of(false, true), List.of(payee.platformOperated(),
                payees.find(simulator).orElseThrow().platformOperated()));
    }
}
