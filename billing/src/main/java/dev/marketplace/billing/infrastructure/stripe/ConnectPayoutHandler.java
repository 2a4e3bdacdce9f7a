package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import dev.marketplace.billing.connect.ConnectEvent;
import dev.marketplace.billing.connect.ConnectEventHandler;
import dev.marketplace.billing.connect.ConnectEventOutcome;
import dev.marketplace.billing.payouts.ConnectPayouts;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies a connected account's own bank payout event ({@code payout.paid} or {@code payout.failed}) from the Connect
 * webhook: kept for display to the provider and to finance ({@link ConnectPayouts}), in the transaction that records
 * the event. It moves none of our money. One instance per event type, registered at startup.
 */
public final class ConnectPayoutHandler implements ConnectEventHandler {

    private final String eventType;
    private final ConnectPayouts payouts;

    public ConnectPayoutHandler(String eventType, ConnectPayouts payouts) {
        if (!ConnectPayouts.PAID.equals(eventType) && !ConnectPayouts.FAILED.equals(eventType)) {
            throw new IllegalArgumentException("not a payout event type: " + eventType);
        }
        this.eventType = eventType;
        this.payouts = payouts;
    }

    @Override
    public String eventType() {
        return eventType;
    }

    @Override
    public ConnectEventOutcome handle(Connection connection, ConnectEvent event) throws SQLException {
        Event parsed = StripeObject.deserializeStripeObject(event.payloadJson(), Event.class,
                ApiResource.getGlobalResponseGetter());
        var payout = ConnectPayoutEvents.translate(parsed).orElseThrow(
                () -> new IllegalStateException("event " + event.eventId() + " is not a payout event"));
        payouts.record(connection, payout);
        return ConnectEventOutcome.applied(payout.status() + " " + payout.amountCents() + " " + payout.currency());
    }
}
