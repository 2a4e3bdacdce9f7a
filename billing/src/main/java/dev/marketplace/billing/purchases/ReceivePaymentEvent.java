package dev.marketplace.billing.purchases;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Receives one platform webhook: verifies it, then in one short local transaction records the event id and
 * applies its effect, so a redelivered or concurrently delivered event changes nothing the second time.
 */
@ApplicationScoped
public class ReceivePaymentEvent {

    private static final Logger LOG = Logger.getLogger(ReceivePaymentEvent.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    @Inject
    private PaymentEventVerifier verifier;

    private final PurchaseCrediting crediting = new PurchaseCrediting();
    private final StripeEventLog events = new StripeEventLog();
    private final PaymentEventHandlers handlers = new PaymentEventHandlers();

    /** What one delivery did, with the reason kept on the event's row. */
    record Recorded(WebhookOutcome outcome, String note) {
    }

    public ReceivePaymentEvent() {
        // for CDI
    }

    protected ReceivePaymentEvent(DataSource dataSource, PaymentEventVerifier verifier) {
        this.dataSource = dataSource;
        this.verifier = verifier;
    }

    /**
     * @throws InvalidWebhookSignatureException if the request is not provably from Stripe (nothing is recorded)
     */
    public WebhookOutcome receive(byte[] payload, String signatureHeader) {
        return record(verifier.verify(payload, signatureHeader));
    }

    /** Records a verified event and applies its effect, once per event id. */
    public WebhookOutcome record(PaymentEvent event) {
        Recorded recorded = Transactions.inTransaction(dataSource, "recording Stripe event " + event.eventId(),
                connection -> apply(connection, event));
        Level level = recorded.outcome() == WebhookOutcome.IGNORED ? Level.WARNING : Level.INFO;
        LOG.log(level, () -> "Stripe event " + event.eventId() + " (" + event.eventType() + "): "
                + recorded.outcome().columnValue() + " - " + recorded.note());
        return recorded.outcome();
    }

    private Recorded apply(Connection connection, PaymentEvent event) throws SQLException {
        if (!events.insertIfNew(connection, event)) {
            return new Recorded(WebhookOutcome.DUPLICATE_EVENT, "event id received before, nothing done");
        }
        if (!(event instanceof CompletedCheckout checkout)) {
            Recorded recorded = handlers.handle(connection, event);
            events.markProcessed(connection, event.eventId(), recorded.outcome(), recorded.note());
            return recorded;
        }
        CheckoutCredits.Decision decision = CheckoutCredits.decide(checkout);
        Recorded recorded;
        if (decision instanceof CheckoutCredits.Credit credit) {
            PurchaseCrediting.Result result = crediting.post(connection, credit);
            recorded = new Recorded(result.outcome(), result.note());
        } else {
            CheckoutCredits.Skip skip = (CheckoutCredits.Skip) decision;
            recorded = new Recorded(skip.outcome(), skip.note());
        }
        events.markProcessed(connection, event.eventId(), recorded.outcome(), recorded.note());
        return recorded;
    }
}
