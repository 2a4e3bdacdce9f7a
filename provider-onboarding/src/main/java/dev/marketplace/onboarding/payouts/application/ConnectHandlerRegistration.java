package dev.marketplace.onboarding.payouts.application;

import dev.marketplace.billing.connect.ReceiveConnectEvent;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Plugs this module's Connect event handlers into billing's Connect webhook when the application starts. */
@Singleton
@Startup
public class ConnectHandlerRegistration {

    @Inject
    ReceiveConnectEvent webhook;
    @Inject
    AccountUpdatedHandler accountUpdated;

    @PostConstruct
    void register() {
        webhook.register(accountUpdated);
    }
}
