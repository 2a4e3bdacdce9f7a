package dev.marketplace.metering.infrastructure;

import dev.marketplace.metering.application.BalanceLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Says in the database, every {@link #EVERY_SECONDS} seconds, that this node is alive (table {@code node_heartbeat},
 * database time). The per-call holds this node places carry its id ({@code ledger_hold.owner}); when the row stops
 * moving, another node's {@link StaleHoldSweeper} releases them. Rows of nodes gone for a day are removed.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeHeartbeat {
    static final int EVERY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());
    private static final String BEAT = """
            insert into node_heartbeat (node_id) values (?)
            on conflict (node_id) do update set seen_at = now()""";
    private static final String FORGET_LONG_GONE = "delete from node_heartbeat where seen_at < now() - interval '1 day'";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Inject
    BalanceLeases leases;

    @PostConstruct
    void first() {
        beat();
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + EVERY_SECONDS, persistent = false)
    void beat() {
        try (Connection c = dataSource.getConnection(); PreparedStatement beat = c.prepareStatement(BEAT);
             PreparedStatement forget = c.prepareStatement(FORGET_LONG_GONE)) {
            beat.setString(1, leases.nodeId());
            beat.executeUpdate();
            forget.executeUpdate();
        } catch (SQLException e) { // the next beat tries again; after 20 s of failures other nodes release our holds
            LOG.log(Level.WARNING, "Could not write this node's heartbeat", e);
        }
    }
}
