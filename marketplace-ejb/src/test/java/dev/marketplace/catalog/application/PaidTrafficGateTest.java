package dev.marketplace.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.marketplace.testing.MarketTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which providers may receive paid traffic, against the real schema (the gate's SQL and the migration). */
class PaidTrafficGateTest {

    @RegisterExtension
    static final MarketTestDatabase db = MarketTestDatabase.perClass();

    @Test
    void onlyPlatformExemptOrTransfersActiveProvidersArePayable() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into provider (id, slug, name, platform_operated) values (901, 'sim', 'Sim', true)");
            s.execute("insert into provider (id, slug, name, payouts_exempt) values (902, 'seeded', 'Seeded', true)");
            s.execute("insert into provider (id, slug, name) values (903, 'none', 'No account'), "
                    + "(904, 'pending', 'Pending'), (905, 'active', 'Active'), (906, 'inactive', 'Inactive')");
            s.execute("insert into provider_payout_account (provider_id, stripe_account_id, transfers_capability) values "
                    + "(904, 'acct_p904', 'pending'), (905, 'acct_p905', 'active'), (906, 'acct_p906', 'inactive')");
            assertEquals(Set.of(901L, 902L, 905L), payable(s));

            long before = version(s);
            s.execute("update provider_payout_account set transfers_capability = 'inactive' where provider_id = 905");
            assertEquals(Set.of(901L, 902L), payable(s));
            assertEquals(before + 1, version(s), "a capability change bumps the catalog version");
        }
    }

    @Test
    void newProvidersAreNotExemptByDefault() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("insert into provider (slug, name) values ('fresh', 'Fresh') returning payouts_exempt")) {
            rs.next();
            assertFalse(rs.getBoolean(1));
        }
    }

    private static Set<Long> payable(Statement s) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (ResultSet rs = s.executeQuery(PaidTrafficGate.PAYABLE_PROVIDERS)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static long version(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select version from catalog_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
