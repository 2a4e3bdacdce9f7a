package dev.marketplace.billing.payouts;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The connected accounts' bank payouts, kept for display. The Connect webhook receiver calls {@link #record} (inside
 * its own transaction, with the event already deduplicated) for {@code payout.paid} and {@code payout.failed}; a
 * failed payout stays failed when a stale {@code paid} arrives after it only if it is newer (last event wins).
 */
@ApplicationScoped
public class ConnectPayouts {

    public static final String PAID = "payout.paid";
    public static final String FAILED = "payout.failed";
    static final int MAX_LISTED = 200;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public ConnectPayouts() {
        // for CDI
    }

    protected ConnectPayouts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the payout in its own transaction. */
    public void record(ConnectPayout payout) {
        Transactions.inTransaction(dataSource, "recording payout " + payout.payoutId(), c -> {
            record(c, payout);
            return null;
        });
    }

    /** Records the payout on the caller's connection (the Connect receiver's transaction). */
    public void record(Connection c, ConnectPayout payout) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO connect_payout (payout_id, account_id, amount_cents, currency, status, failure_message,
                    arrival_date, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (payout_id) DO UPDATE SET status = EXCLUDED.status,
                    failure_message = EXCLUDED.failure_message, event_id = EXCLUDED.event_id, updated_at = now()""")) {
            p.setString(1, payout.payoutId());
            p.setString(2, payout.accountId());
            p.setLong(3, payout.amountCents());
            p.setString(4, payout.currency());
            p.setString(5, payout.status());
            p.setString(6, payout.failureMessage());
            p.setTimestamp(7, payout.arrivalDate() == null ? null : Timestamp.from(payout.arrivalDate()));
            p.setString(8, payout.eventId());
            p.executeUpdate();
        }
    }

    /** Newest first; {@code accountId} null for every account. */
    public List<ConnectPayout> list(String accountId) {
        return Transactions.withConnection(dataSource, "listing connected payouts", c -> {
            String sql = "SELECT payout_id, account_id, amount_cents, currency, status, failure_message, arrival_date,"
                    + " event_id, updated_at FROM connect_payout" + (accountId == null ? "" : " WHERE account_id = ?")
                    + " ORDER BY updated_at DESC LIMIT " + MAX_LISTED;
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (accountId != null) {
                    p.setString(1, accountId);
                }
                List<ConnectPayout> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Timestamp arrival = r.getTimestamp(7);
                        out.add(new ConnectPayout(r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                                r.getString(5), r.getString(6), arrival == null ? null : arrival.toInstant(),
                                r.getString(8), r.getTimestamp(9).toInstant()));
                    }
                }
                return out;
            }
        });
    }
}
