package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.model.Account;
import dev.marketplace.billing.connect.ConnectedAccountStatus;
import java.util.List;

/** An SDK {@link Account} as billing's {@link ConnectedAccountStatus}; absent fields read as "not enabled". */
final class ConnectAccountStates {

    private ConnectAccountStates() {
    }

    static ConnectedAccountStatus of(Account account) {
        String transfers = account.getCapabilities() == null ? null : account.getCapabilities().getTransfers();
        List<String> due = account.getRequirements() == null || account.getRequirements().getCurrentlyDue() == null
                ? List.of() : account.getRequirements().getCurrentlyDue();
        return new ConnectedAccountStatus(account.getId(), Boolean.TRUE.equals(account.getDetailsSubmitted()),
                Boolean.TRUE.equals(account.getChargesEnabled()), Boolean.TRUE.equals(account.getPayoutsEnabled()),
                transfers, due);
    }
}
