package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/**
 * The one {@link StripeClient} of the application, pointed at real Stripe or the local stub as
 * {@link StripeConnection} decides. In local mode the SDK's global API base is overridden too, so code that uses
 * the SDK's static methods reaches the stub as well.
 */
@ApplicationScoped
public class StripeAccess {

    static final int TIMEOUT_MS = 10_000;
    static final int MAX_NETWORK_RETRIES = 2;

    private static final Logger LOG = Logger.getLogger(StripeAccess.class.getName());

    private StripeClient client;

    public StripeAccess() {
        // for CDI; connected in init()
    }

    StripeAccess(StripeConnection connection) {
        connect(connection);
    }

    @PostConstruct
    void init() {
        connect(StripeConnection.resolve(System.getenv(), System.getProperties()));
    }

    private void connect(StripeConnection connection) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(connection.apiKey())
                .setConnectTimeout(TIMEOUT_MS).setReadTimeout(TIMEOUT_MS).setMaxNetworkRetries(MAX_NETWORK_RETRIES);
        if (connection.local()) {
            LOG.warning(() -> StripeConnection.SECRET_KEY_ENV + " is not set: Stripe calls go to the local stub at "
                    + connection.apiBase() + " (no real payments)");
            builder.setApiBase(connection.apiBase());
            Stripe.overrideApiBase(connection.apiBase());
            Stripe.apiKey = connection.apiKey();
        }
        client = builder.build();
    }

    public StripeClient client() {
        return client;
    }
}
