package dev.marketplace.payments.infrastructure;

import dev.marketplace.billing.lowbalance.LowBalanceAlerts;
import dev.marketplace.billing.topup.AutoTopUps;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every two seconds: charge the auto top-ups that are due and fire the low-balance alerts. A failing check is
 * logged and tried again on the next tick; each check runs on its own, so one failing does not stop the other.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentChecks {

    private static final Logger LOG = Logger.getLogger(PaymentChecks.class.getName());

    @Inject
    AutoTopUps autoTopUps;
    @Inject
    LowBalanceAlerts lowBalanceAlerts;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void check() {
        try {
            autoTopUps.runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Auto top-up check failed; trying again in 2 s", e);
        }
        try {
            lowBalanceAlerts.runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Low-balance check failed; trying again in 2 s", e);
        }
    }
}
