package dev.marketplace.testing;

import dev.marketplace.testdb.FreshDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A fresh database {@code market_unit_<random>} on the test PostgreSQL, migrated with billing's and the
 * marketplace's migrations as the start script does. Create it in {@code @BeforeAll}, {@link #close()} it in
 * {@code @AfterAll}.
 */
public final class MarketTestDatabase implements AutoCloseable {

    private final FreshDatabase database;

    private MarketTestDatabase(FreshDatabase database) {
        this.database = database;
    }

    public static MarketTestDatabase create() throws SQLException {
        return new MarketTestDatabase(FreshDatabase.create("market_unit",
                "classpath:db/migration/billing", "classpath:db/migration/marketplace"));
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
