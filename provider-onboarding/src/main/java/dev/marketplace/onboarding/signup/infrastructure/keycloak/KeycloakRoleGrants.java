package dev.marketplace.onboarding.signup.infrastructure.keycloak;

import dev.marketplace.onboarding.signup.application.RoleGrants;
import dev.marketplace.platform.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Grants a realm role through Keycloak's Admin REST API: client-credentials token, find the user by exact username,
 * read the role, add it to the user's realm role mappings (adding a held role changes nothing).
 */
@ApplicationScoped
public class KeycloakRoleGrants implements RoleGrants {

    private KeycloakAdminSettings settings;
    private HttpClient client;

    public KeycloakRoleGrants() {
        this(KeycloakAdminSettings.fromConfig());
    }

    public KeycloakRoleGrants(KeycloakAdminSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(settings.timeoutMs())).build();
    }

    @Override
    public void grantRealmRole(String username, String role) {
        String token = token();
        String admin = settings.baseUrl() + "/admin/realms/" + settings.realm();
        JsonArray users = (JsonArray) read(send(get(admin + "/users?exact=true&username=" + encode(username), token),
                200, "finding user " + username));
        String userId = users.stream().map(JsonValue::asJsonObject)
                .filter(user -> username.equalsIgnoreCase(user.getString("username", "")))
                .map(user -> user.getString("id")).findFirst()
                .orElseThrow(() -> new RoleGrantException("Keycloak has no user '" + username + "'"));
        JsonValue roleRepresentation = read(send(get(admin + "/roles/" + encode(role), token), 200, "reading role " + role));
        String body = JsonP.createArrayBuilder().add(roleRepresentation).build().toString();
        send(HttpRequest.newBuilder(URI.create(admin + "/users/" + userId + "/role-mappings/realm"))
                .timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 204, "granting role " + role + " to " + username);
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId())
                + "&client_secret=" + encode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/realms/" + settings.realm()
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonValue answer = read(send(request, 200, "getting an admin token as client " + settings.clientId()));
        if (!(answer instanceof JsonObject object) || !object.containsKey("access_token")) {
            throw new RoleGrantException("Keycloak's token answer has no access_token");
        }
        return object.getString("access_token");
    }

    private HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private String send(HttpRequest request, int expectedStatus, String what) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new RoleGrantException("Keycloak answered HTTP " + response.statusCode() + " when " + what);
            }
            return response.body();
        } catch (IOException e) {
            throw new RoleGrantException("Keycloak could not be reached when " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoleGrantException("Interrupted when " + what, e);
        }
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = JsonP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
