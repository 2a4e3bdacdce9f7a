package dev.marketplace.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database {@code market_unit_<random>} on the local PostgreSQL (the one billing's tests use), migrated with
 * billing's and the marketplace's migrations as the start script does. Create it in {@code @BeforeAll},
 * {@link #close()} it in {@code @AfterAll}.
 */
public final class MarketTestDatabase implements AutoCloseable {

    // ./marketplace test points these at the embedded database when no PostgreSQL listens on 5432
    private static final String HOST = System.getProperty("market.test.pgHost", "127.0.0.1");
    private static final int PORT = Integer.getInteger("market.test.pgPort", 5432);
    private static final String USER = "postgres";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private MarketTestDatabase(String name) {
        this.name = name;
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {PORT});
        dataSource.setDatabaseName(name);
        dataSource.setUser(USER);
    }

    public static MarketTestDatabase create() throws SQLException {
        String name = "market_unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        MarketTestDatabase database = new MarketTestDatabase(name);
        Flyway.configure()
                .dataSource(database.dataSource)
                .locations("classpath:db/migration/billing", "classpath:db/migration/marketplace")
                .load()
                .migrate();
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
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
