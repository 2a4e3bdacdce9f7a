package dev.marketplace.billing.infrastructure.stripe;

import java.util.Map;
import java.util.logging.Logger;

/**
 * The platform endpoint's signing secret, from {@code STRIPE_WEBHOOK_SECRET}. Without it a well-known local
 * secret is used so the dev stack and the Stripe stub work out of the box: development only, never production.
 */
final class WebhookSecret {

    static final String ENVIRONMENT_VARIABLE = "STRIPE_WEBHOOK_SECRET";
    /** Dev-only default, public in this repository: anyone can sign events with it. */
    static final String LOCAL_DEV_SECRET = "whsec_local_dev_secret";

    private static final Logger LOG = Logger.getLogger(WebhookSecret.class.getName());

    private WebhookSecret() {
    }

    static String fromEnvironment(Map<String, String> environment) {
        String secret = environment.get(ENVIRONMENT_VARIABLE);
        if (secret == null || secret.isBlank()) {
            LOG.warning(() -> ENVIRONMENT_VARIABLE + " is not set: Stripe webhooks are verified with the local"
                    + " development secret, which must never be used in production");
            return LOCAL_DEV_SECRET;
        }
        return secret.strip();
    }
}
