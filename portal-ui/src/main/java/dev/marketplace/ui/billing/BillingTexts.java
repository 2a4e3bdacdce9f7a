package dev.marketplace.ui.billing;

import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.topup.AutoTopUpStatus;
import dev.marketplace.payments.application.PaymentSettingsView;
import dev.marketplace.ui.shell.Formats;
import java.util.Optional;

/** The sentences of the billing page, from the settings' state; pure, so they are tested without a browser. */
final class BillingTexts {

    private BillingTexts() {
    }

    static String card(AutoTopUpStatus status) {
        return status.savedCard()
                .map(card -> "Saved card " + card + " is charged for auto top-up.")
                .orElse("No saved card yet: buy credits once and tick \"save this card for auto top-up\" at"
                        + " checkout. Auto top-up cannot charge until a card is saved.");
    }

    static String state(AutoTopUpStatus status) {
        boolean enabled = status.settings().map(s -> s.enabled()).orElse(false);
        if (!enabled) {
            return "Auto top-up is off.";
        }
        return switch (status.state()) {
            case "charging" -> "Auto top-up is charging your card now.";
            case "charged" -> "Auto top-up charged your card; it re-arms once your balance is back above the"
                    + " threshold.";
            default -> "Auto top-up is on and will charge when your available credit falls below the threshold.";
        };
    }

    /** Why the last charge failed and what to do, if it failed. */
    static Optional<String> failure(AutoTopUpStatus status) {
        return status.lastFailure().map(reason -> "Auto top-up was turned off because the last charge failed: "
                + reason + " To fix it, buy credits with a working card (saving it for auto top-up), or confirm"
                + " the payment with your bank, then turn auto top-up back on below.");
    }

    static Optional<String> lowBalanceNotice(PaymentSettingsView view) {
        if (!view.belowAlert()) {
            return Optional.empty();
        }
        return Optional.of("Your available credit (" + Formats.usd(view.availableMicros()) + ") is below your alert"
                + " threshold of " + Formats.usd(view.alertThresholdMicros().getAsLong()) + ". Buy credits or turn"
                + " on auto top-up so your API keys keep working; they stop when the balance is used up.");
    }

    /** Micro-USD as the text a developer types back into the form: "25", "4.5". */
    static String editable(long micros) {
        return Money.toUsd(micros).stripTrailingZeros().toPlainString();
    }
}
