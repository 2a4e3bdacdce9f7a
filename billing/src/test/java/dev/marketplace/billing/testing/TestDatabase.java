package dev.marketplace.billing.testing;

import dev.marketplace.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A fresh database {@code billing_test_<random>} on the test PostgreSQL, migrated from
 * {@code classpath:db/migration/billing}. Create it in {@code @BeforeAll}, {@link #close()} it in
 * {@code @AfterAll}.
 */
public final class TestDatabase implements AutoCloseable {

    private final FreshDatabase database;

    private TestDatabase(FreshDatabase database) {
        this.database = database;
    }

    public static TestDatabase create() throws SQLException {
        return new TestDatabase(FreshDatabase.create("billing_test", "classpath:db/migration/billing"));
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public Connection connect() throws SQLException {
        return database.connect();
    }

    public String name() {
        return database.name();
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
