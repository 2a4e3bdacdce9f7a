package dev.marketplace.ui.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.connect.ConnectedAccountStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayoutStatusTextTest {

    private static Optional<ConnectedAccountStatus> account(boolean submitted, String transfers, String... due) {
        return Optional.of(new ConnectedAccountStatus("acct_1", submitted, false, false, transfers, List.of(due)));
    }

    @Test
    void theSummarySaysWhetherListingsReceiveTraffic() {
        assertTrue(PayoutStatusText.summary(Optional.empty()).startsWith("No payout account yet"));
        assertTrue(PayoutStatusText.summary(account(true, "active")).startsWith("Active"));
        assertTrue(PayoutStatusText.summary(account(false, "pending", "a")).startsWith("Pending"));
        assertTrue(PayoutStatusText.summary(account(false, "inactive", "a")).startsWith("Not active"));
    }

    @Test
    void theButtonAndFactsFollowTheAccount() {
        assertEquals("Set up payouts with Stripe", PayoutStatusText.button(Optional.empty()));
        assertEquals("Continue onboarding with Stripe", PayoutStatusText.button(account(false, "pending", "a")));
        assertEquals("Continue onboarding with Stripe", PayoutStatusText.button(account(true, "inactive", "a")));
        assertEquals("Update details with Stripe", PayoutStatusText.button(account(true, "active")));
        List<PayoutStatusText.Fact> facts = PayoutStatusText.facts(account(false, "pending", "external_account", "tos").get());
        assertEquals("external_account, tos", facts.get(4).value());
        assertEquals("pending", facts.get(2).value());
        assertEquals("none", PayoutStatusText.facts(account(true, "active").get()).get(4).value());
    }
}
