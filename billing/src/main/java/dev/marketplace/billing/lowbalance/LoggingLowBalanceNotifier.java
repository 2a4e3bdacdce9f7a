package dev.marketplace.billing.lowbalance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** The default {@link LowBalanceNotifier}: one log line per crossing, until an e-mail sender replaces it. */
@ApplicationScoped
public class LoggingLowBalanceNotifier implements LowBalanceNotifier {

    private static final Logger LOG = Logger.getLogger(LoggingLowBalanceNotifier.class.getName());

    @Override
    public void notifyLowBalance(LowBalance lowBalance) {
        LOG.info(() -> "Low balance: developer " + lowBalance.developerId() + " has " + lowBalance.availableMicros()
                + " micro-USD available, below the alert threshold of " + lowBalance.thresholdMicros());
    }
}
