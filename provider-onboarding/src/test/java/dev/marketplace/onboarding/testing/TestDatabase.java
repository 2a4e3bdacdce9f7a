package dev.marketplace.onboarding.testing;

import dev.marketplace.testdb.ClassDatabase;
import dev.marketplace.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database {@code onboarding_test_<random>} on the local PostgreSQL with every module's migrations applied
 * (billing, marketplace, onboarding: the same locations as devtools' Migrate), per test class
 * ({@code @RegisterExtension static final TestDatabase db = TestDatabase.perClass();}), with fixtures.
 */
public final class TestDatabase extends ClassDatabase {

    private TestDatabase() {
        super(() -> FreshDatabase.create("onboarding_test", "classpath:db/migration/billing",
                "classpath:db/migration/marketplace", "classpath:db/migration/onboarding"));
    }

    /** The database of one test class, as a JUnit extension. */
    public static TestDatabase perClass() {
        return new TestDatabase();
    }

    /** Inserts a provider and returns its id. */
    public long provider(String slug) throws SQLException {
        return longValue("insert into provider (slug, name) values (?, ?) returning id", slug, slug);
    }

    /** A test cipher over a fixed key (id {@code t1}). */
    public static dev.marketplace.platform.secrets.SecretCipher cipher() {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 7);
        return new dev.marketplace.platform.secrets.SecretCipher(
                new dev.marketplace.platform.secrets.SecretKeyRing("t1", key, java.util.Map.of()));
    }

    /** Makes {@code username} a member of the provider. */
    public void member(long providerId, String username) throws SQLException {
        execute("insert into provider_member (provider_id, username) values (" + providerId + ", '" + username + "')");
    }

    /** Inserts an endpoint with a List Models URL and a key sealed by {@link #cipher()}; returns its id. */
    public long endpoint(long providerId, String name, String listModelsUrl, String plainKey) throws SQLException {
        long id = longValue("insert into provider_endpoint (provider_id, name, base_url, adapter_id, list_models_url) "
                + "values (?, ?, 'https://api.example.com/v1', 'openai', ?) returning id", providerId, name, listModelsUrl);
        if (plainKey != null) {
            execute("update provider_endpoint set api_key = '"
                    + dev.marketplace.platform.secrets.EndpointKeys.seal(cipher(), id, plainKey) + "' where id = " + id);
        }
        return id;
    }

    public long longValue(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public String stringValue(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    public String string(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
