package dev.marketplace.billing.checkout;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.purchases.PurchaseCrediting;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The success redirect: retrieves the session from the provider (the browser's word is not proof of payment) and,
 * if it is paid and the signed-in developer's, credits it through the same idempotency key as the webhook. So the
 * developer sees the credit at once, and a webhook racing the redirect, or arriving twice or late, changes nothing.
 */
@ApplicationScoped
public class ConfirmCheckout {

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_]{1,255}");
    private static final Logger LOG = Logger.getLogger(ConfirmCheckout.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    @Inject
    private CheckoutSessions sessions;

    private final PurchaseCrediting crediting = new PurchaseCrediting();

    public ConfirmCheckout() {
        // for CDI
    }

    protected ConfirmCheckout(DataSource dataSource, CheckoutSessions sessions) {
        this.dataSource = dataSource;
        this.sessions = sessions;
    }

    /** @throws UnknownCheckoutException if the session does not exist or is another developer's */
    public ConfirmedCheckout confirm(long developerId, String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new UnknownCheckoutException(String.valueOf(sessionId));
        }
        CheckoutSessionState session = sessions.retrieve(sessionId);
        if (!Long.toString(developerId).equals(session.clientReferenceId())) {
            throw new UnknownCheckoutException(sessionId);
        }
        PurchaseCrediting.Result result = Transactions.inTransaction(dataSource, "confirming checkout " + sessionId,
                connection -> crediting.apply(connection, session.asRedirect()));
        LOG.info(() -> "success redirect of " + sessionId + ": " + result.outcome().columnValue() + " - "
                + result.note());
        return new ConfirmedCheckout(sessionId, result.outcome(), result.note());
    }
}
