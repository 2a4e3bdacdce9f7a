package dev.marketplace.systemtests.support;

import java.net.http.HttpResponse;
import java.util.Map;

/** Access tokens from the realm's public {@code marketplace-cli} client (password grant, demo users). */
public final class Keycloak {
    private Keycloak() {
    }

    /** An access token for a demo user whose password equals the username. */
    public static String accessToken(String username) {
        String url = TestTarget.keycloakUrl() + "/realms/" + TestTarget.REALM + "/protocol/openid-connect/token";
        HttpResponse<String> r = Http.postForm(url, Map.of("grant_type", "password", "client_id", "marketplace-cli",
                "username", username, "password", username));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + Http.describe(r));
        }
        return Http.json(r.body()).getString("access_token");
    }
}
