package dev.marketplace.billing.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database {@code billing_test_<random>} on the local PostgreSQL, migrated from
 * {@code classpath:db/migration/billing}. Create it in {@code @BeforeAll}, {@link #close()} it in
 * {@code @AfterAll}.
 */
public final class TestDatabase implements AutoCloseable {

    // ./marketplace test points these at the embedded database when no PostgreSQL listens on 5432
    private static final String HOST = System.getProperty("market.test.pgHost", "127.0.0.1");
    private static final int PORT = Integer.getInteger("market.test.pgPort", 5432);
    private static final String USER = "postgres";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

    private final String name;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(String name) {
        this.name = name;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {PORT});
        dataSource.setDatabaseName(name);
        dataSource.setUser(USER);
    }

    public static TestDatabase create() throws SQLException {
        String name = "billing_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        TestDatabase database = new TestDatabase(name);
        Flyway.configure()
                .dataSource(database.dataSource)
                .locations("classpath:db/migration/billing")
                .load()
                .migrate();
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public String name() {
        return name;
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
