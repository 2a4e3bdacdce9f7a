package dev.marketplace.systemtests.providers;

import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import jakarta.json.JsonObject;

/**
 * New users in the realm, made with the server's own service-account client ({@code marketplace-admin}, dev secret
 * of the test stack), which also proves that client can manage users; and the realm roles in a user's fresh token.
 */
public final class RealmUsers {

    private static final String SECRET = System.getProperty("market.keycloakAdminSecret", "admin-dev-secret");

    private RealmUsers() {
    }

    /** Creates an enabled user whose password equals the username. */
    public static void create(String username) {
        String body = """
                {"username":"%s","enabled":true,"emailVerified":true,"email":"%s@providers.test","firstName":"Pat",
                 "lastName":"Provider","credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                .formatted(username, username, username);
        HttpResponse<String> created = Http.postJson(TestTarget.keycloakUrl() + "/admin/realms/" + TestTarget.REALM + "/users",
                serviceToken(), body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + Http.describe(created));
        }
    }

    /** Grants a realm role to an existing user, as the server's approval does (the role shows in the next token). */
    public static void grantRealmRole(String username, String role) {
        String admin = TestTarget.keycloakUrl() + "/admin/realms/" + TestTarget.REALM;
        String token = serviceToken();
        HttpResponse<String> users = Http.get(admin + "/users?exact=true&username=" + username, token);
        String userId = Http.json("{\"u\":" + users.body() + "}").getJsonArray("u").getJsonObject(0).getString("id");
        HttpResponse<String> roleRep = Http.get(admin + "/roles/" + role, token);
        HttpResponse<String> granted = Http.postJson(admin + "/users/" + userId + "/role-mappings/realm", token,
                "[" + roleRep.body() + "]");
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("could not grant " + role + " to " + username + ": " + Http.describe(granted));
        }
    }

    /** The realm roles in a token freshly issued to the user (password grant of the public CLI client). */
    public static String realmRolesInFreshToken(String username) {
        HttpResponse<String> token = Http.postForm(tokenUrl(), Map.of("grant_type", "password", "client_id", "marketplace-cli",
                "username", username, "password", username));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + Http.describe(token));
        }
        String jwt = Http.json(token.body()).getString("access_token");
        JsonObject claims = Http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
        return claims.getJsonObject("realm_access").getJsonArray("roles").toString();
    }

    private static String serviceToken() {
        HttpResponse<String> token = Http.postForm(tokenUrl(), Map.of("grant_type", "client_credentials",
                "client_id", "marketplace-admin", "client_secret", SECRET));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("the marketplace-admin service account got no token: " + Http.describe(token));
        }
        return Http.json(token.body()).getString("access_token");
    }

    private static String tokenUrl() {
        return TestTarget.keycloakUrl() + "/realms/" + TestTarget.REALM + "/protocol/openid-connect/token";
    }
}
