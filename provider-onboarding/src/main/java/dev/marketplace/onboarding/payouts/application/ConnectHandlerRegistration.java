package dev.marketplace.onboarding.payouts.application;

import dev.marketplace.billing.connect.ReceiveConnectEvent;
import dev.marketplace.billing.infrastructure.stripe.ConnectPayoutHandler;
import dev.marketplace.billing.payouts.ConnectPayouts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Plugs the Connect event handlers into billing's Connect webhook when the application starts: this module's
 * {@code account.updated} and billing's bank payout events ({@code payout.paid}/{@code payout.failed}, kept for display).
 */
@Singleton
@Startup
public class ConnectHandlerRegistration {

    @Inject
    ReceiveConnectEvent webhook;
    @Inject
    AccountUpdatedHandler accountUpdated;
    @Inject
    ConnectPayouts payouts;

    @PostConstruct
    void register() {
        webhook.register(accountUpdated);
        webhook.register(new ConnectPayoutHandler(ConnectPayouts.PAID, payouts));
        webhook.register(new ConnectPayoutHandler(ConnectPayouts.FAILED, payouts));
    }
}
