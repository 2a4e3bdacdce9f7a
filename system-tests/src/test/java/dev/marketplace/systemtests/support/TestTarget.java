package dev.marketplace.systemtests.support;

/**
 * Where the system under test runs, from the system properties the test runner passes: {@code market.baseUrl},
 * {@code market.keycloakUrl}, {@code market.apiKey} and {@code market.dbUrl} (user and password {@code postgres}).
 */
public final class TestTarget {
    /** The demo developer's API key that every fresh install seeds. */
    public static final String DEMO_API_KEY = "sk-mk-v1-" + "demo".repeat(16);
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final String REALM = "marketplace";

    private TestTarget() {
    }

    /** The WildFly root, e.g. {@code http://localhost:8380}. */
    public static String baseUrl() {
        return trimSlash(property("market.baseUrl", "http://localhost:8380"));
    }

    /** The OpenAI-compatible API root, {@code <base>/api/v1}. */
    public static String apiUrl() {
        return baseUrl() + "/api/v1";
    }

    public static String keycloakUrl() {
        return trimSlash(property("market.keycloakUrl", "http://localhost:8480"));
    }

    public static String apiKey() {
        return property("market.apiKey", DEMO_API_KEY);
    }

    public static String dbUrl() {
        String url = property("market.dbUrl", null);
        if (url == null) {
            throw new IllegalStateException("-Dmarket.dbUrl=jdbc:postgresql://host:port/db is required for the database checks");
        }
        return url;
    }

    /** A property's value; a missing or blank one (Maven passes unset properties as "") gives the default. */
    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String trimSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
