package dev.marketplace.billing.connect;

import java.util.List;

/**
 * What a connected account may do: whether its holder submitted the onboarding details, whether charges and
 * payouts to its bank are enabled, the status of the {@code transfers} capability (the platform may pay it only
 * when {@link #TRANSFERS_ACTIVE}) and the requirements currently due.
 */
public record ConnectedAccountStatus(String accountId, boolean detailsSubmitted, boolean chargesEnabled,
                                     boolean payoutsEnabled, String transfersCapability, List<String> requirementsDue) {

    public static final String TRANSFERS_ACTIVE = "active";
    public static final String TRANSFERS_PENDING = "pending";
    public static final String TRANSFERS_INACTIVE = "inactive";

    public ConnectedAccountStatus {
        transfersCapability = normalised(transfersCapability);
        requirementsDue = requirementsDue == null ? List.of() : List.copyOf(requirementsDue);
    }

    public boolean transfersActive() {
        return TRANSFERS_ACTIVE.equals(transfersCapability);
    }

    /** Stripe's capability statuses; anything else (none requested, {@code unrequested}) counts as inactive. */
    private static String normalised(String status) {
        return TRANSFERS_ACTIVE.equals(status) || TRANSFERS_PENDING.equals(status) ? status : TRANSFERS_INACTIVE;
    }
}
