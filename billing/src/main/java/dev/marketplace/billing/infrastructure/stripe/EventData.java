package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.StripeObject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The object an event carries, typed. The SDK only deserializes event data of its own API version
 * ({@link StripeEvents#PINNED_API_VERSION}); an event of another version is read with {@code deserializeUnsafe()}
 * and logged, since its fields may differ from what this code expects.
 */
final class EventData {

    private static final Logger LOG = Logger.getLogger(EventData.class.getName());

    private EventData() {
    }

    static <T extends StripeObject> T object(Event event, Class<T> type) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        Optional<StripeObject> pinned = data.getObject();
        StripeObject object;
        if (pinned.isPresent()) {
            object = pinned.get();
        } else {
            LOG.warning(() -> "Stripe event " + event.getId() + " has API version " + event.getApiVersion()
                    + " but the SDK expects " + StripeEvents.PINNED_API_VERSION + ": reading it with deserializeUnsafe()");
            try {
                object = data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalStateException("Stripe event " + event.getId() + " (API version "
                        + event.getApiVersion() + ") has unreadable data: " + e.getMessage(), e);
            }
        }
        if (type.isInstance(object)) {
            return type.cast(object);
        }
        throw new IllegalStateException("Stripe event " + event.getId() + " of type " + event.getType()
                + " carries a " + object.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
}
