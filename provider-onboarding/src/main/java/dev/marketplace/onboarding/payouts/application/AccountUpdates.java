package dev.marketplace.onboarding.payouts.application;

import dev.marketplace.billing.connect.ConnectEventOutcome;
import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.payouts.domain.PayoutAccount;
import dev.marketplace.onboarding.payouts.domain.PayoutNotice;
import dev.marketplace.onboarding.payouts.infrastructure.PayoutAccountStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies a Connect account's state observed at a Stripe time to its provider's row, on the caller's transaction:
 * unknown accounts and states older than the kept one are ignored; otherwise the row is updated (which moves the
 * catalog version, so routing follows) and the provider's members get the notices the change deserves.
 */
public final class AccountUpdates {

    private final PayoutAccountStore store = new PayoutAccountStore();

    public ConnectEventOutcome apply(Connection connection, ConnectedAccountStatus status, Instant observedAt)
            throws SQLException {
        Optional<PayoutAccount> row = store.lockByAccount(connection, status.accountId());
        if (row.isEmpty()) {
            return ConnectEventOutcome.ignored("no provider has Connect account " + status.accountId());
        }
        PayoutAccount kept = row.get();
        if (kept.isStale(observedAt)) {
            return ConnectEventOutcome.ignored("stale: state of " + observedAt + " is older than the kept state of "
                    + kept.stateAsOf());
        }
        store.update(connection, kept.providerId(), status, observedAt);
        List<PayoutNotice> notices = PayoutNotice.between(kept.status(), status);
        for (String member : store.members(connection, kept.providerId())) {
            for (PayoutNotice notice : notices) {
                Inbox.send(connection, member, notice.subject(), notice.body());
            }
        }
        return ConnectEventOutcome.applied("provider " + kept.providerId() + ": transfers "
                + status.transfersCapability() + ", " + status.requirementsDue().size() + " requirement(s) due, "
                + notices.size() + " notice(s)");
    }
}
