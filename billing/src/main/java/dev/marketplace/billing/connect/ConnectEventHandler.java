package dev.marketplace.billing.connect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The extension point of the Connect webhook: a CDI bean per event type ({@code account.updated},
 * {@code payout.paid}, …). {@link ReceiveConnectEvent} calls it once per event id, on the connection of the
 * transaction that records the event, so the effect and the deduplication commit together. An event type with no
 * handler is recorded as {@code unhandled}, and can be replayed from {@code stripe_connect_event} later.
 */
public interface ConnectEventHandler {

    /** The Stripe event type this handler applies, e.g. {@code payout.paid}. */
    String eventType();

    ConnectEventOutcome handle(Connection connection, ConnectEvent event) throws SQLException;
}
