package dev.marketplace.onboarding.pricechanges.infrastructure;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every 10 seconds, on every node, copies due price changes onto their listings in one local transaction per batch
 * ({@link PriceChangeStore#applyDue}: rows locked with SKIP LOCKED, so two nodes never apply one change twice and
 * never wait for each other). The listing update bumps the catalog version, and every node's catalog follows within
 * about a second. A change is therefore in force at most ~11 s after its effective_at.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PriceChangeApplier {
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(PriceChangeApplier.class.getName());
    private final PriceChangeStore store = new PriceChangeStore();

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void applyDueChanges() {
        try {
            int applied;
            do {
                applied = Transactions.inTransaction(dataSource, "apply due price changes", c -> store.applyDue(c, BATCH));
                if (applied > 0) {
                    int count = applied;
                    LOG.info(() -> "applied " + count + " due price change(s)");
                }
            } while (applied == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not apply due price changes; the next run retries", e);
        }
    }
}
