package dev.marketplace.platform;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.demo.DemoSeed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: refuse to run on a database that was not migrated (migrations run from the start script,
 * before the server), seed demo data when enabled, then load the catalog snapshot the hot path routes on.
 */
@Singleton
@jakarta.ejb.Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Inject
    DemoSeed demo;
    @Inject
    CatalogSnapshot catalog;

    @PostConstruct
    void start() {
        LOG.info(() -> "Schema migrations applied: " + appliedMigrations());
        if (Config.getBoolean("demo", true)) {
            demo.seed();
        }
        String seed = Config.get("seed", "");
        if (!seed.isBlank()) {
            demo.seedFromFile(java.nio.file.Path.of(seed));
        }
        catalog.reload();
        LOG.info(() -> "Catalog loaded: " + catalog.liveModels().size() + " live models");
    }

    private int appliedMigrations() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            int applied = rs.getInt(1);
            if (applied == 0) {
                throw new IllegalStateException("The database has no migrations applied: run './marketplace migrate'");
            }
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException("The database is not migrated or not reachable: run './marketplace migrate'", e);
        }
    }
}
