package dev.marketplace.billing.infrastructure.stripe;

import java.util.Map;
import java.util.Properties;

/**
 * Where billing's Stripe calls go. {@code STRIPE_SECRET_KEY} set: real Stripe with that key, unchanged. Unset:
 * local mode, the project's Stripe stub on {@code http://127.0.0.1:<port>} with the test key {@code sk_test_local};
 * the port is {@code market.stripe.stub-port} / {@code MARKET_STRIPE_STUB_PORT}, 12111 by default.
 *
 * @param apiBase {@code null} for Stripe's own API base
 */
record StripeConnection(String apiKey, String apiBase) {

    static final String SECRET_KEY_ENV = "STRIPE_SECRET_KEY";
    static final String LOCAL_KEY = "sk_test_local";
    static final int DEFAULT_STUB_PORT = 12111;

    boolean local() {
        return apiBase != null;
    }

    static StripeConnection resolve(Map<String, String> env, Properties system) {
        String key = env.get(SECRET_KEY_ENV);
        if (key != null && !key.isBlank()) {
            return new StripeConnection(key.strip(), null);
        }
        String port = system.getProperty("market.stripe.stub-port");
        if (port == null || port.isBlank()) {
            port = env.get("MARKET_STRIPE_STUB_PORT");
        }
        int stubPort = port == null || port.isBlank() ? DEFAULT_STUB_PORT : Integer.parseInt(port.strip());
        if (stubPort < 1 || stubPort > 65535) {
            throw new IllegalArgumentException("Stripe stub port must be 1..65535: " + stubPort);
        }
        return new StripeConnection(LOCAL_KEY, "http://127.0.0.1:" + stubPort);
    }
}
