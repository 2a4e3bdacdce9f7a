package dev.marketplace.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A module's test database, either for one test class as a JUnit extension
 * ({@code @RegisterExtension static final XDatabase db = XDatabase.perClass();}: created before the class's own
 * {@code @BeforeAll} methods, dropped after its {@code @AfterAll} methods, also when they fail), or created at once
 * for a caller that {@link #close()}s it. Subclasses name the database and its migrations and add their fixtures.
 */
public abstract class ClassDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** Creates the database: {@link FreshDatabase#create} with the module's prefix and migration locations. */
    @FunctionalInterface
    protected interface Factory {
        FreshDatabase create() throws SQLException;
    }

    private final Factory factory;
    private FreshDatabase database;

    protected ClassDatabase(Factory factory) {
        this.factory = factory;
    }

    /** Creates the database now (a test class's extension does it in {@link #beforeAll}). */
    protected final void open() throws SQLException {
        if (database != null) {
            throw new IllegalStateException("the test database " + database.name() + " was created already");
        }
        database = factory.create();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        open();
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
            throw new IllegalStateException("no test database yet: register perClass() with @RegisterExtension on a"
                    + " static field, or take one from create()");
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
