package dev.marketplace.billing.testing;

import dev.marketplace.testdb.ClassDatabase;
import dev.marketplace.testdb.FreshDatabase;
import java.sql.SQLException;

/**
 * A fresh database {@code billing_test_<random>} on the test PostgreSQL, migrated from
 * {@code classpath:db/migration/billing}: per test class
 * ({@code @RegisterExtension static final TestDatabase database = TestDatabase.perClass();}), or from
 * {@link #create()} for a test that closes it itself.
 */
public final class TestDatabase extends ClassDatabase {

    private TestDatabase() {
        super(() -> FreshDatabase.create("billing_test", "classpath:db/migration/billing"));
    }

    /** The database of one test class, as a JUnit extension. */
    public static TestDatabase perClass() {
        return new TestDatabase();
    }

    /** A database created now, for the caller to close. */
    public static TestDatabase create() throws SQLException {
        TestDatabase database = new TestDatabase();
        database.open();
        return database;
    }
}
