package dev.marketplace.payments.application;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.Ledger;
import dev.marketplace.billing.lowbalance.LowBalanceAlerts;
import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.topup.AutoTopUpSettings;
import dev.marketplace.billing.topup.AutoTopUps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/** Reads and changes a developer's auto top-up and low-balance alert. Amounts arrive as USD text ("25", "4.50"). */
@ApplicationScoped
public class PaymentSettings {

    @Inject
    AutoTopUps autoTopUps;
    @Inject
    LowBalanceAlerts alerts;
    @Inject
    Ledger ledger;

    public PaymentSettingsView view(long developerId) {
        long available = ledger.availableMicros(AccountCodes.developerCredit(developerId));
        OptionalLong threshold = alerts.threshold(developerId);
        return new PaymentSettingsView(autoTopUps.status(developerId), threshold, available,
                threshold.isPresent() && available < threshold.getAsLong());
    }

    /** @throws IllegalArgumentException with a message for the developer if an amount is not valid */
    public void saveAutoTopUp(long developerId, boolean enabled, String thresholdUsd, String amountUsd) {
        autoTopUps.save(developerId, new AutoTopUpSettings(enabled, usd("threshold", thresholdUsd),
                usd("top-up amount", amountUsd)));
    }

    /** A blank threshold removes the alert. @throws IllegalArgumentException if the amount is not valid */
    public void saveAlert(long developerId, String thresholdUsd) {
        alerts.setThreshold(developerId, thresholdUsd == null || thresholdUsd.isBlank() ? OptionalLong.empty()
                : OptionalLong.of(usd("alert threshold", thresholdUsd)));
    }

    private static long usd(String what, String text) {
        String value = text == null ? "" : text.strip().replaceFirst("^\\$", "");
        try {
            return Money.parseUsdMicros(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + what + " must be a dollar amount such as 25 or 4.50.", e);
        }
    }
}
