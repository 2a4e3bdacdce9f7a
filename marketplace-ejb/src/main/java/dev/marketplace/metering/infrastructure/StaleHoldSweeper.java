package dev.marketplace.metering.infrastructure;

import dev.marketplace.billing.holds.Holds;
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
 * holds open. Every minute, holds older than {@link #MAX_HOLD_AGE_MINUTES} (far longer than any call may run) are
 * released. A late settlement still charges, against the balance instead of the hold (see billing's ChargeWriter).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StaleHoldSweeper {
    static final int MAX_HOLD_AGE_MINUTES = 60;
    static final int MAX_PER_SWEEP = 1_000;
    private static final Logger LOG = Logger.getLogger(StaleHoldSweeper.class.getName());
    private static final String STALE = "select id from ledger_hold where status = 'open' and created_at < now() - "
            + "make_interval(mins => " + MAX_HOLD_AGE_MINUTES + ") order by created_at limit " + MAX_PER_SWEEP;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Inject
    Holds holds;

    @Schedule(hour = "*", minute = "*", second = "17", persistent = false)
    void releaseStaleHolds() {
        List<String> stale;
        try {
            stale = staleHoldIds();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not look for stale holds; will try again in a minute", e);
            return;
        }
        int released = 0;
        for (String id : stale) {
            if (holds.release(id)) {
                released++;
            }
        }
        if (released > 0) {
            int count = released;
            LOG.warning(() -> "Released " + count + " holds older than " + MAX_HOLD_AGE_MINUTES + " minutes");
        }
    }

    private List<String> staleHoldIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STALE);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
