package dev.marketplace.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database {@code <prefix>_<random>} created on the test PostgreSQL and migrated from the given Flyway
 * locations. Create it in {@code @BeforeAll}, {@link #close()} (drop) it in {@code @AfterAll}.
 */
public final class FreshDatabase implements AutoCloseable {

    private static final String HOST = System.getProperty("market.test.pgHost", "127.0.0.1");
    private static final int PORT = Integer.getInteger("market.test.pgPort", 5432);
    private static final String USER = "postgres";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private FreshDatabase(String name) {
        this.name = name;
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {PORT});
        dataSource.setDatabaseName(name);
        dataSource.setUser(USER);
    }

    /**
     * @param prefix lower-case letters, digits and underscores: names the module in {@code pg_database}
     * @param locations Flyway locations, e.g. {@code classpath:db/migration/billing}
     */
    public static FreshDatabase create(String prefix, String... locations) throws SQLException {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("database prefix must match " + PREFIX + ": " + prefix);
        }
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        FreshDatabase database = new FreshDatabase(name);
        Flyway.configure().dataSource(database.dataSource).locations(locations).load().migrate();
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
