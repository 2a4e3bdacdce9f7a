package dev.marketplace.stripestub;

import java.util.Map;

/**
 * Where Connect events (those about a connected account, with {@code account} set) are delivered: Stripe sends
 * them to a separate Connect endpoint signed with that endpoint's own secret. Delivery behaviour (duplicates,
 * delay, retries) is the platform endpoint's, changeable at {@code /_stub/connect/config}.
 */
public record ConnectSettings(String webhookUrl, String webhookSecret) {

    /** The app's dev-only default when {@code STRIPE_CONNECT_WEBHOOK_SECRET} is unset. */
    public static final String DEFAULT_SECRET = "whsec_local_connect_dev_secret";

    public ConnectSettings {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the Connect webhook secret must not be empty");
        }
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
    }

    /** No Connect endpoint: Connect events are only recorded. */
    public static ConnectSettings none() {
        return new ConnectSettings(null, DEFAULT_SECRET);
    }

    /** {@code --connect-webhook-url}, {@code --connect-webhook-secret} (or {@code STRIPE_STUB_CONNECT_…}). */
    public static ConnectSettings parse(String[] args, Map<String, String> env) {
        Map<String, String> flags = StubSettings.flags(args);
        return new ConnectSettings(StubSettings.value(flags, env, "connect-webhook-url", null),
                StubSettings.value(flags, env, "connect-webhook-secret", DEFAULT_SECRET));
    }
}
