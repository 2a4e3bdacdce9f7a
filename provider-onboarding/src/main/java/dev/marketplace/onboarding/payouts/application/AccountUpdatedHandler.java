package dev.marketplace.onboarding.payouts.application;

import dev.marketplace.billing.connect.ConnectEvent;
import dev.marketplace.billing.connect.ConnectEventHandler;
import dev.marketplace.billing.connect.ConnectEventOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code account.updated} on the Connect webhook: the account's new state, as of the event's creation at Stripe. */
@ApplicationScoped
public class AccountUpdatedHandler implements ConnectEventHandler {

    private final AccountUpdates updates = new AccountUpdates();

    @Override
    public String eventType() {
        return ConnectEvent.ACCOUNT_UPDATED;
    }

    @Override
    public ConnectEventOutcome handle(Connection connection, ConnectEvent event) throws SQLException {
        if (event.account() == null) {
            return ConnectEventOutcome.ignored("account.updated without an account object");
        }
        return updates.apply(connection, event.account(), event.created());
    }
}
