package dev.marketplace.billing.lowbalance;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.money.Money;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@code low_balance_alert} table as a CDI bean: the developer's threshold, and {@link #runOnce()} which
 * marks each crossing fired in one conditional UPDATE (so two nodes fire it once) and then tells the notifier.
 */
@ApplicationScoped
public class LowBalanceAlerts {

    public static final long MAX_THRESHOLD_MICROS = 10_000 * Money.MICROS_PER_USD;

    private static final Logger LOG = Logger.getLogger(LowBalanceAlerts.class.getName());
    private static final String AVAILABLE = "COALESCE((SELECT b.balance_micros - b.held_micros FROM account_balance b"
            + " WHERE b.account_code = 'developer:' || a.developer_id || ':credit'), 0)";
    private static final String FIRE = """
            UPDATE low_balance_alert a SET fired = true, fired_at = now(), updated_at = now()
             WHERE NOT a.fired AND %1$s < a.threshold_micros
            RETURNING a.developer_id, a.threshold_micros, %1$s""".formatted(AVAILABLE);
    private static final String REARM = """
            UPDATE low_balance_alert a SET fired = false, updated_at = now()
             WHERE a.fired AND %s >= a.threshold_micros""".formatted(AVAILABLE);
    private static final String SAVE = """
            INSERT INTO low_balance_alert (developer_id, threshold_micros) VALUES (?, ?)
            ON CONFLICT (developer_id) DO UPDATE SET threshold_micros = EXCLUDED.threshold_micros, fired = false,
                   updated_at = now()""";
    private static final String REMOVE = "DELETE FROM low_balance_alert WHERE developer_id = ?";
    private static final String FIND = "SELECT threshold_micros FROM low_balance_alert WHERE developer_id = ?";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    @Inject
    private LowBalanceNotifier notifier;

    public LowBalanceAlerts() {
        // for CDI
    }

    protected LowBalanceAlerts(DataSource dataSource, LowBalanceNotifier notifier) {
        this.dataSource = dataSource;
        this.notifier = notifier;
    }

    /** Re-arms alerts whose credit is back up, fires the ones newly below. @return alerts fired now */
    public int runOnce() {
        List<LowBalance> fired = Transactions.inTransaction(dataSource, "checking low balances", connection -> {
            try (PreparedStatement rearm = connection.prepareStatement(REARM)) {
                rearm.executeUpdate();
            }
            List<LowBalance> crossings = new ArrayList<>();
            try (PreparedStatement fire = connection.prepareStatement(FIRE); ResultSet rows = fire.executeQuery()) {
                while (rows.next()) {
                    crossings.add(new LowBalance(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return crossings;
        });
        for (LowBalance lowBalance : fired) {
            try {
                notifier.notifyLowBalance(lowBalance);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Low-balance notice for developer " + lowBalance.developerId() + " failed", e);
            }
        }
        return fired.size();
    }

    /** Sets the threshold, or removes the alert when empty. */
    public void setThreshold(long developerId, OptionalLong thresholdMicros) {
        if (thresholdMicros.isPresent()
                && (thresholdMicros.getAsLong() <= 0 || thresholdMicros.getAsLong() > MAX_THRESHOLD_MICROS)) {
            throw new IllegalArgumentException("The alert threshold must be more than $0 and at most $10,000.");
        }
        Transactions.inTransaction(dataSource, "saving the low-balance alert of " + developerId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    thresholdMicros.isPresent() ? SAVE : REMOVE)) {
                statement.setLong(1, developerId);
                if (thresholdMicros.isPresent()) {
                    statement.setLong(2, thresholdMicros.getAsLong());
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    public OptionalLong threshold(long developerId) {
        return Transactions.withConnection(dataSource, "reading the low-balance alert of " + developerId,
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                        statement.setLong(1, developerId);
                        try (ResultSet rows = statement.executeQuery()) {
                            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
                        }
                    }
                });
    }
}
