package dev.marketplace.catalog.infrastructure;

import dev.marketplace.catalog.application.CatalogSnapshot;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Carries catalog changes made anywhere (a price, a suspended provider, a paused listing) into this node's
 * {@link CatalogSnapshot}: once a second it reads {@code catalog_version}, which triggers bump in every transaction
 * that changes a catalog table, and rebuilds the snapshot when the number moved. The version is read before the
 * rebuild, so a change committing in between moves it again and causes one more rebuild, never a missed one. A
 * change is thus live on every node within about a second (plus the rebuild's own few milliseconds).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogSync {
    private static final Logger LOG = Logger.getLogger(CatalogSync.class.getName());
    private static final String VERSION = "select version from catalog_version";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Inject
    CatalogSnapshot catalog;

    private long seenVersion = -1;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void reloadWhenChanged() {
        long version;
        try {
            version = currentVersion();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not poll the catalog version; routing on the last snapshot", e);
            return;
        }
        if (version == seenVersion) {
            return;
        }
        try {
            catalog.reload();
        } catch (RuntimeException e) { // the seen version stays old: the next poll tries again
            LOG.log(Level.WARNING, "Could not rebuild the catalog snapshot for version " + version + "; retrying", e);
            return;
        }
        boolean first = seenVersion < 0;
        seenVersion = version;
        if (!first) {
            LOG.info(() -> "Catalog changed (version " + version + "): " + catalog.liveModels().size() + " live models");
        }
    }

    private long currentVersion() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(VERSION);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("catalog_version has no row: migration V2026.11.25.70 missing?");
            }
            return rs.getLong(1);
        }
    }
}
