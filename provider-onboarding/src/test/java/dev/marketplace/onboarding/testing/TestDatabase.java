package dev.marketplace.onboarding.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database {@code onboarding_test_<random>} on the local PostgreSQL with every module's migrations applied
 * (billing, marketplace, onboarding: the same locations as devtools' Migrate). Create in {@code @BeforeAll},
 * {@link #close()} in {@code @AfterAll}.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String HOST = System.getProperty("market.test.pgHost", "127.0.0.1");
    private static final int PORT = Integer.getInteger("market.test.pgPort", 5432);
    private static final String USER = "postgres";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private TestDatabase(String name) {
        this.name = name;
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {PORT});
        dataSource.setDatabaseName(name);
        dataSource.setUser(USER);
    }

    public static TestDatabase create() throws SQLException {
        String name = "onboarding_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        TestDatabase database = new TestDatabase(name);
        Flyway.configure().dataSource(database.dataSource)
                .locations("classpath:db/migration/billing", "classpath:db/migration/marketplace",
                        "classpath:db/migration/onboarding")
                .load().migrate();
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Inserts a provider and returns its id. */
    public long provider(String slug) throws SQLException {
        return longValue("insert into provider (slug, name) values (?, ?) returning id", slug, slug);
    }

    public long longValue(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
