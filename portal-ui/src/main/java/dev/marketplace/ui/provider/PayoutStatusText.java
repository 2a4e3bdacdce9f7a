package dev.marketplace.ui.provider;

import dev.marketplace.billing.connect.ConnectedAccountStatus;
import java.util.List;
import java.util.Optional;

/** The words of the payout account page for a state: one summary, the facts, and what the button says. */
final class PayoutStatusText {

    /** One line of facts: a label and its value. */
    record Fact(String id, String label, String value) {
    }

    private PayoutStatusText() {
    }

    static String summary(Optional<ConnectedAccountStatus> account) {
        if (account.isEmpty()) {
            return "No payout account yet. Your live listings receive traffic only once Stripe activates transfers "
                    + "to your payout account: set it up with Stripe (a few minutes).";
        }
        ConnectedAccountStatus status = account.get();
        if (status.transfersActive()) {
            return "Active: Stripe accepts transfers to your account, so your live listings receive traffic and your "
                    + "earnings can be paid out.";
        }
        if (ConnectedAccountStatus.TRANSFERS_PENDING.equals(status.transfersCapability())) {
            return "Pending: Stripe is checking your details. Your live listings receive no traffic until transfers "
                    + "are active.";
        }
        return "Not active: your live listings receive no traffic until Stripe activates transfers. Continue the "
                + "onboarding with Stripe.";
    }

    static List<Fact> facts(ConnectedAccountStatus status) {
        return List.of(
                new Fact("payout-account-id", "Stripe account", status.accountId()),
                new Fact("payout-details-submitted", "Details submitted", status.detailsSubmitted() ? "yes" : "no"),
                new Fact("payout-transfers", "Transfers capability", status.transfersCapability()),
                new Fact("payout-payouts-enabled", "Payouts to your bank", status.payoutsEnabled() ? "enabled" : "not yet"),
                new Fact("payout-requirements", "Requirements due", status.requirementsDue().isEmpty() ? "none"
                        : String.join(", ", status.requirementsDue())));
    }

    static String button(Optional<ConnectedAccountStatus> account) {
        if (account.isEmpty()) {
            return "Set up payouts with Stripe";
        }
        return account.get().detailsSubmitted() && account.get().requirementsDue().isEmpty()
                ? "Update details with Stripe" : "Continue onboarding with Stripe";
    }
}
