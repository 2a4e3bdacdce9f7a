package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.model.Event;
import com.stripe.model.Payout;
import dev.marketplace.billing.payouts.ConnectPayout;
import dev.marketplace.billing.payouts.ConnectPayouts;
import java.time.Instant;
import java.util.Optional;

/**
 * A Connect event about a connected account's own bank payout ({@code payout.paid}, {@code payout.failed}; the
 * account is the event's {@code account}) as billing keeps it for display. The Connect webhook receiver calls
 * {@link #translate} on a verified event and hands the result to {@link ConnectPayouts#record}; empty for other types.
 */
public final class ConnectPayoutEvents {

    private ConnectPayoutEvents() {
    }

    public static Optional<ConnectPayout> translate(Event event) {
        String type = event.getType();
        if (!ConnectPayouts.PAID.equals(type) && !ConnectPayouts.FAILED.equals(type)) {
            return Optional.empty();
        }
        if (event.getAccount() == null) {
            throw new IllegalArgumentException("Connect event " + event.getId() + " (" + type + ") names no account");
        }
        Payout payout = EventData.object(event, Payout.class);
        return Optional.of(new ConnectPayout(payout.getId(), event.getAccount(),
                payout.getAmount() == null ? 0 : payout.getAmount(), payout.getCurrency(),
                ConnectPayouts.PAID.equals(type) ? "paid" : "failed", payout.getFailureMessage(),
                payout.getArrivalDate() == null ? null : Instant.ofEpochSecond(payout.getArrivalDate()), event.getId(),
                Instant.now()));
    }
}
