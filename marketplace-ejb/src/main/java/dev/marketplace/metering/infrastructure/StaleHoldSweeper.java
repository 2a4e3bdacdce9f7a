package dev.marketplace.metering.infrastructure;

import dev.marketplace.billing.holds.Holds;
import dev.marketplace.metering.application.BalanceLeases;
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
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Gives back credit held by calls that will never settle: a node that died between hold and settlement leaves its
 * holds open. Every {@link NodeHeartbeat#EVERY_SECONDS} seconds, the open holds owned by another node whose heartbeat
 * is older than {@link #DEAD_AFTER_SECONDS} are released (a node that was only cut off from the database for that
 * long is treated as dead: its calls in flight then settle against the balance); every minute, holds older than
 * {@link #MAX_HOLD_AGE_MINUTES} (far longer than any call may run) are released whoever owns them. A late settlement
 * still charges, against the balance instead of the hold (see billing's ChargeWriter).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StaleHoldSweeper {
    static final int MAX_HOLD_AGE_MINUTES = 60;
    static final int MAX_PER_SWEEP = 1_000;
    static final int DEAD_AFTER_SECONDS = 20;
    private static final Logger LOG = Logger.getLogger(StaleHoldSweeper.class.getName());
    private static final String STALE = "select id from ledger_hold where status = 'open' and created_at < now() - "
            + "make_interval(mins => " + MAX_HOLD_AGE_MINUTES + ") order by created_at limit " + MAX_PER_SWEEP;

    static final String OF_DEAD_NODES = "select h.id from ledger_hold h where h.status = 'open'"
            + " and h.owner is not null and h.owner <> ? and h.created_at < now() - make_interval(secs => "
            + DEAD_AFTER_SECONDS + ") and not exists (select 1 from node_heartbeat n where n.node_id = h.owner"
            + " and n.seen_at >= now() - make_interval(secs => " + DEAD_AFTER_SECONDS + "))"
            + " order by h.created_at limit " + MAX_PER_SWEEP;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Inject
    Holds holds;
    @Inject
    BalanceLeases leases;

    @Schedule(hour = "*", minute = "*", second = "*/" + NodeHeartbeat.EVERY_SECONDS, persistent = false)
    void releaseHoldsOfDeadNodes() {
        release(OF_DEAD_NODES, leases.nodeId(), "of nodes silent for over " + DEAD_AFTER_SECONDS + " seconds");
    }

    @Schedule(hour = "*", minute = "*", second = "17", persistent = false)
    void releaseStaleHolds() {
        release(STALE, null, "older than " + MAX_HOLD_AGE_MINUTES + " minutes");
    }

    private void release(String query, String thisNode, String which) {
        List<String> ids;
        try {
            ids = holdIds(query, thisNode);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not look for holds " + which + "; will try again", e);
            return;
        }
        int released = 0;
        for (String id : ids) {
            if (holds.release(id)) {
                released++;
            }
        }
        if (released > 0) {
            int count = released;
            LOG.warning(() -> "Released " + count + " holds " + which);
        }
    }

    private List<String> holdIds(String query, String thisNode) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            if (thisNode != null) {
                ps.setString(1, thisNode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
