package dev.marketplace.systemtests.support;

/**
 * Where the system under test runs, from the system properties the test runner passes: {@code market.baseUrl},
 * {@code market.keycloakUrl}, {@code market.apiKey} and {@code market.dbUrl} (user and password {@code postgres}),
 * and for the two-node tests {@code market.baseUrl2} and {@code market.secondNodeScript}.
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

    /**
     * The second WildFly node on the same database ({@code market.baseUrl2}, e.g. {@code http://localhost:9380}),
     * which the test runner starts for the two-node tests.
     */
    public static String baseUrl2() {
        String url = property("market.baseUrl2", null);
        if (url == null) {
            throw new IllegalStateException("-Dmarket.baseUrl2 is required by the two-node tests: run them through"
                    + " ./marketplace test, which starts the second node (scripts/second-node.sh)");
        }
        return trimSlash(url);
    }

    /** The script that starts and stops the second node ({@code market.secondNodeScript}). */
    public static String secondNodeScript() {
        String script = property("market.secondNodeScript", null);
        if (script == null) {
            throw new IllegalStateException("-Dmarket.secondNodeScript (scripts/second-node.sh) is required");
        }
        return script;
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
