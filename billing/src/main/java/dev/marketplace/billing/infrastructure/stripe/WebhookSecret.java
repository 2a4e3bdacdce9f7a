package dev.marketplace.billing.infrastructure.stripe;

import java.util.Map;
import java.util.logging.Logger;

/**
 * The webhook endpoints' signing secrets: the platform endpoint's from {@code STRIPE_WEBHOOK_SECRET}, the Connect
 * endpoint's from {@code STRIPE_CONNECT_WEBHOOK_SECRET}. Without them well-known local secrets are used so the dev
 * stack and the Stripe stub work out of the box: development only, never production.
 */
final class WebhookSecret {

    static final String ENVIRONMENT_VARIABLE = "STRIPE_WEBHOOK_SECRET";
    /** Dev-only default, public in this repository: anyone can sign events with it. */
    static final String LOCAL_DEV_SECRET = "whsec_local_dev_secret";
    static final String CONNECT_ENVIRONMENT_VARIABLE = "STRIPE_CONNECT_WEBHOOK_SECRET";
    /** Dev-only default of the Connect endpoint, public in this repository (the stub's default too). */
    static final String LOCAL_CONNECT_DEV_SECRET = "whsec_local_connect_dev_secret";

    private static final Logger LOG = Logger.getLogger(WebhookSecret.class.getName());

    private WebhookSecret() {
    }

    static String fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, ENVIRONMENT_VARIABLE, LOCAL_DEV_SECRET);
    }

    static String connectFromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, CONNECT_ENVIRONMENT_VARIABLE, LOCAL_CONNECT_DEV_SECRET);
    }

    private static String fromEnvironment(Map<String, String> environment, String variable, String devDefault) {
        String secret = environment.get(variable);
        if (secret == null || secret.isBlank()) {
            LOG.warning(() -> variable + " is not set: Stripe webhooks are verified with the local"
                    + " development secret, which must never be used in production");
            return devDefault;
        }
        return secret.strip();
    }
}
