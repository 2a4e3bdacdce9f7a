package dev.marketplace.onboarding.takerates;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link TakeRateApplier} every second on every node (the applier's advisory lock lets one node at a time do
 * the work), so a take rate is current within about a second of its effective time, and charged on every node about
 * a second later (the catalog version poll).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TakeRateTimer {
    private static final Logger LOG = Logger.getLogger(TakeRateTimer.class.getName());

    @Inject
    TakeRateApplier applier;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void applyDue() {
        try {
            int applied = applier.applyDue();
            if (applied > 0) {
                LOG.info(() -> "Applied " + applied + " take rate change(s)");
            }
        } catch (RuntimeException e) { // the rows stay due: the next tick tries again
            LOG.log(Level.WARNING, "Could not apply due take rates; retrying", e);
        }
    }
}
