package dev.marketplace.onboarding.signup.infrastructure.keycloak;

import dev.marketplace.platform.Config;

/**
 * Where Keycloak is and how we authenticate to its admin API: {@code KEYCLOAK_URL} (as the portal's OIDC
 * configuration), realm {@code marketplace}, client {@code MARKET_KEYCLOAK_ADMIN_CLIENT} (default
 * {@code marketplace-admin}) with secret {@code MARKET_KEYCLOAK_ADMIN_SECRET}. The default secret matches the realm
 * JSON's default and is for the local dev/test stacks only.
 */
public record KeycloakAdminSettings(String baseUrl, String realm, String clientId, String clientSecret, long timeoutMs) {

    static final String DEV_SECRET = "admin-dev-secret";

    public static KeycloakAdminSettings fromConfig() {
        String url = System.getenv("KEYCLOAK_URL");
        String base = Config.get("keycloak.url", url == null || url.isBlank() ? "http://localhost:8180" : url);
        return new KeycloakAdminSettings(base.replaceAll("/+$", ""), "marketplace",
                Config.get("keycloak.admin.client", "marketplace-admin"),
                Config.get("keycloak.admin.secret", DEV_SECRET), Config.getLong("keycloak.admin.timeout.ms", 5_000));
    }
}
