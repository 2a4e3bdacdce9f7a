package dev.marketplace.onboarding.payouts.domain;

import dev.marketplace.billing.connect.ConnectedAccountStatus;
import java.util.ArrayList;
import java.util.List;

/** An inbox notice to a provider's members about a change of its payout account. */
public record PayoutNotice(String subject, String body) {

    /** What the members should hear when the account goes from {@code before} to {@code after}. */
    public static List<PayoutNotice> between(ConnectedAccountStatus before, ConnectedAccountStatus after) {
        List<PayoutNotice> notices = new ArrayList<>();
        if (!before.transfersActive() && after.transfersActive()) {
            notices.add(new PayoutNotice("Your payout account is active",
                    "Stripe activated transfers for your payout account " + after.accountId() + ": your live "
                            + "listings now receive traffic and your earnings can be paid out."));
        } else if (before.transfersActive() && !after.transfersActive()) {
            notices.add(new PayoutNotice("Payouts paused: transfers are " + after.transfersCapability(),
                    "Stripe no longer allows transfers to your payout account " + after.accountId() + ", so your "
                            + "listings receive no traffic until it is active again. Open Payout account to see "
                            + "what Stripe needs."));
        }
        if (!after.requirementsDue().isEmpty() && !before.requirementsDue().containsAll(after.requirementsDue())) {
            notices.add(new PayoutNotice("Stripe needs more details for your payout account",
                    "Due now: " + String.join(", ", after.requirementsDue()) + ". Open Payout account and continue "
                            + "the onboarding to provide them."));
        }
        return notices;
    }
}
