package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.Stripe;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import dev.marketplace.billing.purchases.CompletedCheckout;
import dev.marketplace.billing.purchases.OtherPaymentEvent;
import dev.marketplace.billing.purchases.PaymentEvent;
import java.util.Map;

/**
 * Translates a verified SDK {@link Event} into billing's records. The SDK only deserializes event data of its
 * own API version ({@link #PINNED_API_VERSION}); an event of another version is read with
 * {@code deserializeUnsafe()} and logged, since its fields may differ from what this code expects.
 */
final class StripeEvents {

    /** The API version the SDK's models follow; the Stripe webhook endpoint must be created with it. */
    static final String PINNED_API_VERSION = Stripe.API_VERSION;

    private StripeEvents() {
    }

    static PaymentEvent toPaymentEvent(Event event, String payloadJson) {
        String type = event.getType();
        if (!CompletedCheckout.COMPLETED.equals(type) && !CompletedCheckout.ASYNC_PAYMENT_SUCCEEDED.equals(type)) {
            return PaymentObjectEvents.translate(event, payloadJson)
                    .orElseGet(() -> new OtherPaymentEvent(event.getId(), type, payloadJson));
        }
        Session session = session(event);
        Long amountTotal = session.getAmountTotal();
        Map<String, String> metadata = session.getMetadata() == null ? Map.of() : session.getMetadata();
        return new CompletedCheckout(event.getId(), type, payloadJson, session.getId(),
                session.getClientReferenceId(), amountTotal == null ? 0 : amountTotal, session.getCurrency(),
                session.getPaymentStatus(), session.getPaymentIntent(), metadata.get(CompletedCheckout.CREDIT_CENTS),
                metadata.get(CompletedCheckout.FEE_CENTS));
    }

    private static Session session(Event event) {
        return EventData.object(event, Session.class);
    }
}
