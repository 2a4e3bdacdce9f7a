package dev.marketplace.billing.connect;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Receives one Connect webhook: verifies it, then in one short local transaction records the event id and lets
 * the handler of its type apply it, so an event delivered twice (or by two threads at once) takes effect once.
 * Every verified event is kept in {@code stripe_connect_event}, handled or not. Handlers {@link #register} themselves
 * at startup (billing sits in the EAR's lib, which cannot see beans of the modules above it, so it cannot look them
 * up with CDI): see {@code onboarding.payouts.application.AccountUpdatedHandler}.
 */
@ApplicationScoped
public class ReceiveConnectEvent {

    private static final Logger LOG = Logger.getLogger(ReceiveConnectEvent.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    @Inject
    private ConnectEventVerifier verifier;

    private final ConnectEventLog log = new ConnectEventLog();
    private final Map<String, ConnectEventHandler> handlers = new ConcurrentHashMap<>();

    public ReceiveConnectEvent() {
        // for CDI
    }

    public ReceiveConnectEvent(DataSource dataSource, ConnectEventVerifier verifier,
                               List<ConnectEventHandler> initialHandlers) {
        this.dataSource = dataSource;
        this.verifier = verifier;
        initialHandlers.forEach(this::register);
    }

    /**
     * Makes {@code handler} the one for its event type. A second handler of another class for the same type is a
     * wiring mistake and refused; the same class again (a redeployment) replaces the first.
     */
    public void register(ConnectEventHandler handler) {
        handlers.merge(handler.eventType(), handler, (old, added) -> {
            if (!old.getClass().getName().equals(added.getClass().getName())) {
                throw new IllegalStateException("two Connect handlers for " + added.eventType() + ": "
                        + old.getClass().getName() + " and " + added.getClass().getName());
            }
            return added;
        });
    }

    /**
     * @throws dev.marketplace.billing.purchases.InvalidWebhookSignatureException if the request is not provably
     *                                                                              from Stripe (nothing recorded)
     */
    public ConnectEventOutcome receive(byte[] payload, String signatureHeader) {
        return record(verifier.verify(payload, signatureHeader));
    }

    public ConnectEventOutcome record(ConnectEvent event) {
        ConnectEventOutcome outcome = Transactions.inTransaction(dataSource,
                "recording Connect event " + event.eventId(), connection -> apply(connection, event));
        Level level = outcome.kind() == ConnectEventOutcome.Kind.IGNORED ? Level.WARNING : Level.INFO;
        LOG.log(level, () -> "Connect event " + event.eventId() + " (" + event.type() + ", " + event.accountId()
                + "): " + outcome.kind() + " - " + outcome.note());
        return outcome;
    }

    private ConnectEventOutcome apply(Connection connection, ConnectEvent event) throws SQLException {
        if (!log.insertIfNew(connection, event)) {
            return new ConnectEventOutcome(ConnectEventOutcome.Kind.DUPLICATE, "event id received before, nothing done");
        }
        ConnectEventHandler handler = handlers.get(event.type());
        ConnectEventOutcome outcome = handler == null
                ? new ConnectEventOutcome(ConnectEventOutcome.Kind.UNHANDLED, "no handler for " + event.type() + " yet")
                : handler.handle(connection, event);
        log.markProcessed(connection, event.eventId(), outcome);
        return outcome;
    }
}
