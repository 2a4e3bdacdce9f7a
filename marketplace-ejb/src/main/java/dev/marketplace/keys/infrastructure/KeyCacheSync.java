package dev.marketplace.keys.infrastructure;

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
 * Carries key changes made on other nodes (revoked, disabled, new limits) into this node's cache: once a second it
 * drops every key whose {@code updated_at} lies in the last {@link #WINDOW_SECONDS} seconds. The window is wider
 * than the poll so that a transaction committing a little after its timestamp is still seen; dropping an entry
 * twice costs one reload. Together with the same-node invalidation after commit, a change reaches every node
 * within about a second.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyCacheSync {
    static final int WINDOW_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(KeyCacheSync.class.getName());
    private static final String CHANGED =
            "select key_hash from api_key where updated_at > now() - make_interval(secs => " + WINDOW_SECONDS + ")";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Inject
    KeyAuthenticator authenticator;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void dropChangedKeys() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CHANGED);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                authenticator.invalidate(rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not poll key changes; cached keys expire on their own", e);
        }
    }
}
