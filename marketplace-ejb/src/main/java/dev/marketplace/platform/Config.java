package dev.marketplace.platform;

import java.util.Locale;

/**
 * Reads a setting: the system property {@code market.a.b}, else the environment variable {@code MARKET_A_B}, else
 * the given default. Secrets come from the environment only; defaults are safe local ones.
 */
public final class Config {
    private Config() {
    }

    public static String get(String name, String defaultValue) {
        String property = System.getProperty("market." + name);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("MARKET_" + name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        return env != null && !env.isBlank() ? env : defaultValue;
    }

    public static long getLong(String name, long defaultValue) {
        return Long.parseLong(get(name, Long.toString(defaultValue)));
    }

    public static boolean getBoolean(String name, boolean defaultValue) {
        return Boolean.parseBoolean(get(name, Boolean.toString(defaultValue)));
    }
}
