package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.StripeClient;
import java.util.Map;
import java.util.logging.Logger;

/**
 * How to reach Stripe's API: {@code STRIPE_SECRET_KEY} for real Stripe; without it the local Stripe stub at
 * {@code STRIPE_API_BASE} (default {@value #LOCAL_STUB_BASE}) with a dev-only key. {@code STRIPE_API_BASE} also
 * points a real key at another host (e.g. a recording proxy).
 */
final class StripeApi {

    static final String SECRET_KEY_VARIABLE = "STRIPE_SECRET_KEY";
    static final String API_BASE_VARIABLE = "STRIPE_API_BASE";
    static final String LOCAL_STUB_BASE = "http://127.0.0.1:12111";
    static final String LOCAL_STUB_KEY = "sk_test_local_stub";
    static final int TIMEOUT_MS = 10_000;
    static final int MAX_NETWORK_RETRIES = 2;

    private static final Logger LOG = Logger.getLogger(StripeApi.class.getName());

    private StripeApi() {
    }

    static StripeClient client(Map<String, String> environment) {
        String key = environment.get(SECRET_KEY_VARIABLE);
        String base = environment.get(API_BASE_VARIABLE);
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setConnectTimeout(TIMEOUT_MS).setReadTimeout(TIMEOUT_MS).setMaxNetworkRetries(MAX_NETWORK_RETRIES);
        if (key == null || key.isBlank()) {
            String stub = base == null || base.isBlank() ? LOCAL_STUB_BASE : base.strip();
            LOG.warning(() -> SECRET_KEY_VARIABLE + " is not set: Stripe calls go to the local stub at " + stub);
            return builder.setApiKey(LOCAL_STUB_KEY).setApiBase(stub).build();
        }
        builder.setApiKey(key.strip());
        if (base != null && !base.isBlank()) {
            builder.setApiBase(base.strip());
        }
        return builder.build();
    }
}
