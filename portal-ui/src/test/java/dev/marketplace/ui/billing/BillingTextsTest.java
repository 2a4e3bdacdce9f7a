package dev.marketplace.ui.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.topup.AutoTopUpSettings;
import dev.marketplace.billing.topup.AutoTopUpStatus;
import dev.marketplace.payments.application.PaymentSettingsView;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BillingTextsTest {

    private static AutoTopUpStatus status(boolean enabled, String state, String card, String failure) {
        return new AutoTopUpStatus(Optional.of(new AutoTopUpSettings(enabled, 5_000_000, 25_000_000)), state,
                Optional.ofNullable(card), Optional.empty(), Optional.ofNullable(failure), Optional.empty());
    }

    @Test
    void theFailureSaysWhyAndHowToFixIt() {
        String text = BillingTexts.failure(status(false, "armed", "pm_1", "The card was declined.")).orElseThrow();

        assertTrue(text.contains("The card was declined."), text);
        assertTrue(text.contains("turn auto top-up back on"), text);
        assertEquals(Optional.empty(), BillingTexts.failure(status(true, "armed", "pm_1", null)));
    }

    @Test
    void cardAndStateAreSpelledOut() {
        assertEquals("Saved card pm_1 is charged for auto top-up.", BillingTexts.card(status(true, "armed", "pm_1",
                null)));
        assertTrue(BillingTexts.card(status(true, "armed", null, null)).startsWith("No saved card yet"));
        assertEquals("Auto top-up is off.", BillingTexts.state(status(false, "armed", "pm_1", null)));
        assertTrue(BillingTexts.state(status(true, "charged", "pm_1", null)).contains("re-arms"));
    }

    @Test
    void theLowBalanceNoticeShowsOnlyBelowTheThreshold() {
        AutoTopUpStatus any = status(false, "armed", null, null);
        assertEquals(Optional.of("Your available credit ($1.500000) is below your alert threshold of $2.000000. Buy"
                        + " credits or turn on auto top-up so your API keys keep working; they stop when the balance"
                        + " is used up."),
                BillingTexts.lowBalanceNotice(new PaymentSettingsView(any, OptionalLong.of(2_000_000), 1_500_000,
                        true)));
        assertEquals(Optional.empty(), BillingTexts.lowBalanceNotice(new PaymentSettingsView(any,
                OptionalLong.of(2_000_000), 2_000_000, false)));
    }

    @Test
    void amountsAreEditableAsPlainDollars() {
        assertEquals("25", BillingTexts.editable(25_000_000));
        assertEquals("4.5", BillingTexts.editable(4_500_000));
        assertEquals("0", BillingTexts.editable(0));
    }
}
