package dev.marketplace.stripestub;

import java.util.Locale;
import java.util.Map;

/**
 * How the stub runs: where it listens, whom it calls with webhooks and how (secret, duplicates, delay, reordering,
 * retries). Command-line flags win over environment variables ({@code STRIPE_STUB_*}), which win over defaults.
 *
 * @param idSeed a prefix inside every id, so ids are deterministic within a run yet differ between runs that
 *               share a database (a restarted stub must not reuse a session id that was already credited)
 */
public record StubSettings(int port, String publicUrl, String webhookUrl, String webhookSecret, int duplicates,
                           long delayMs, boolean reorder, int maxAttempts, String idSeed) {

    public static final int DEFAULT_PORT = 12111;
    public static final String DEFAULT_SECRET = "whsec_local_dev_secret";
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final int MAX_DUPLICATES = 100;
    public static final long MAX_DELAY_MS = 60_000;

    public StubSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        if (duplicates < 1 || duplicates > MAX_DUPLICATES) {
            throw new IllegalArgumentException("duplicates must be 1.." + MAX_DUPLICATES + ": " + duplicates);
        }
        if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("delay must be 0.." + MAX_DELAY_MS + " ms: " + delayMs);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("max attempts must be 1..20: " + maxAttempts);
        }
        if (idSeed == null || !idSeed.matches("[a-z0-9]{1,12}")) {
            throw new IllegalArgumentException("id seed must be 1..12 of [a-z0-9]: " + idSeed);
        }
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
    }

    /** Defaults: port 12111, no webhook URL (events are only recorded), the app's dev secret, one delivery each. */
    public static StubSettings defaults() {
        return new StubSettings(DEFAULT_PORT, null, null, DEFAULT_SECRET, 1, 0, false, DEFAULT_MAX_ATTEMPTS,
                Long.toString(System.currentTimeMillis() / 1000, 36));
    }

    /** The address browsers and the SDK use; {@code http://localhost:<port>} unless set. */
    public String baseUrl() {
        return publicUrl == null ? "http://localhost:" + port : publicUrl.replaceAll("/+$", "");
    }

    public StubSettings withWebhooks(String url, int newDuplicates, long newDelayMs, boolean newReorder,
                                     int newMaxAttempts) {
        return new StubSettings(port, publicUrl, url, webhookSecret, newDuplicates, newDelayMs, newReorder,
                newMaxAttempts, idSeed);
    }

    /** The same delivery behaviour for another endpoint: the Connect endpoint has its own URL and secret. */
    public StubSettings withEndpoint(String url, String secret) {
        return new StubSettings(port, publicUrl, url, secret, duplicates, delayMs, reorder, maxAttempts, idSeed);
    }

    public StubSettings withPort(int newPort) {
        return new StubSettings(newPort, publicUrl, webhookUrl, webhookSecret, duplicates, delayMs, reorder,
                maxAttempts, idSeed);
    }

    /** Reads {@code --name value} flags over {@code STRIPE_STUB_NAME} variables over the defaults. */
    public static StubSettings parse(String[] args, Map<String, String> env) {
        Map<String, String> flags = flags(args);
        StubSettings d = defaults();
        return new StubSettings(
                Integer.parseInt(value(flags, env, "port", Integer.toString(d.port()))),
                value(flags, env, "public-url", null),
                value(flags, env, "webhook-url", null),
                value(flags, env, "webhook-secret", d.webhookSecret()),
                Integer.parseInt(value(flags, env, "duplicates", "1")),
                Long.parseLong(value(flags, env, "delay-ms", "0")),
                Boolean.parseBoolean(value(flags, env, "reorder", "false")),
                Integer.parseInt(value(flags, env, "max-attempts", Integer.toString(DEFAULT_MAX_ATTEMPTS))),
                value(flags, env, "id-seed", d.idSeed()));
    }

    /** {@code --name value} and {@code --name=value} pairs. */
    static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; see --help");
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                flags.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("flag --" + name + " needs a value");
            }
        }
        return flags;
    }

    static String value(Map<String, String> flags, Map<String, String> env, String name, String fallback) {
        String flag = flags.get(name);
        if (flag != null) {
            return flag;
        }
        String fromEnv = env.get("STRIPE_STUB_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }
}
