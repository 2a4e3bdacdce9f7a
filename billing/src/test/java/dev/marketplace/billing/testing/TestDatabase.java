package dev.marketplace.billing.testing;

import dev.marketplace.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database {@code billing_test_<random>} on the test PostgreSQL, migrated from
 * {@code classpath:db/migration/billing}. One per test class:
 * {@code @RegisterExtension static final TestDatabase database = TestDatabase.perClass();} creates it before the
 * class's own {@code @BeforeAll} methods run and drops it after its {@code @AfterAll} methods (also when they fail).
 * A test that needs databases of its own lifetime takes them from {@link #create()} and closes them itself.
 */
public final class TestDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private FreshDatabase database;

    private TestDatabase(FreshDatabase database) {
        this.database = database;
    }

    /** The database of one test class, as a JUnit extension (created and dropped around the class). */
    public static TestDatabase perClass() {
        return new TestDatabase(null);
    }

    /** A database created now, for the caller to {@link #close()}. */
    public static TestDatabase create() throws SQLException {
        return new TestDatabase(fresh());
    }

    private static FreshDatabase fresh() throws SQLException {
        return FreshDatabase.create("billing_test", "classpath:db/migration/billing");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (database != null) {
            throw new IllegalStateException("the test database " + database.name() + " was created already");
        }
        database = fresh();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        close();
    }

    public DataSource dataSource() {
        return created().dataSource();
    }

    public Connection connect() throws SQLException {
        return created().connect();
    }

    public String name() {
        return created().name();
    }

    private FreshDatabase created() {
        if (database == null) {
            throw new IllegalStateException("no test database: register TestDatabase.perClass() with @RegisterExtension"
                    + " on a static field, or take one from TestDatabase.create()");
        }
        return database;
    }

    @Override
    public void close() throws SQLException {
        if (database != null) {
            FreshDatabase closing = database;
            database = null;
            closing.close();
        }
    }
}
