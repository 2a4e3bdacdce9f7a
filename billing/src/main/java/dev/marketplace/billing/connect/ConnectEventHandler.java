package dev.marketplace.billing.connect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The extension point of the Connect webhook: one handler per event type ({@code account.updated},
 * {@code payout.paid}, …), registered at startup with {@link ReceiveConnectEvent#register} (e.g. from a
 * {@code @Singleton @Startup} bean of the module that owns the effect). It is called once per event id, on the
 * connection of the transaction that records the event, so the effect and the deduplication commit together. An
 * event of a type with no handler is kept, payload included, in {@code stripe_connect_event} as {@code unhandled}
 * (nothing replays those automatically yet).
 */
public interface ConnectEventHandler {

    /** The Stripe event type this handler applies, e.g. {@code payout.paid}. */
    String eventType();

    ConnectEventOutcome handle(Connection connection, ConnectEvent event) throws SQLException;
}
