package dev.marketplace.systemtests.listings;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A provider of a test's own: a realm user (password = username) holding the provider role, granted through the
 * marketplace-admin service account, and its provider and membership rows, with a payout account whose transfers
 * are active (no paid traffic reaches a provider without one).
 */
final class ProviderAccounts {

    private static final String SECRET = System.getProperty("market.keycloakAdminSecret", "admin-dev-secret");

    /** The provider's id and the user acting for it. */
    record TestProvider(long id, String username) {
    }

    private ProviderAccounts() {
    }

    static TestProvider create(String username) throws SQLException {
        String token = serviceToken();
        String users = TestTarget.keycloakUrl() + "/admin/realms/" + TestTarget.REALM + "/users";
        HttpResponse<String> created = Http.postJson(users, token, """
                {"username":"%s","enabled":true,"emailVerified":true,"email":"%s@providers.test","firstName":"Lee",
                 "lastName":"Lister","credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                .formatted(username, username, username));
        check(created, 201, "create " + username);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> role = Http.get(TestTarget.keycloakUrl() + "/admin/realms/" + TestTarget.REALM + "/roles/provider", token);
        check(role, 200, "read the provider role");
        JsonObject representation = Http.json(role.body());
        HttpResponse<String> granted = Http.postJson(location + "/role-mappings/realm", token,
                "[{\"id\":\"" + representation.getString("id") + "\",\"name\":\"provider\"}]");
        check(granted, 204, "grant the provider role to " + username);
        try (Connection c = Db.connect()) {
            long id = Db.queryLong(c, "insert into provider (slug, name) values (?, ?) returning id", username, username);
            Db.queryLong(c, "insert into provider_member (provider_id, username) values (?, ?) returning provider_id", id, username);
            Db.queryLong(c, "insert into provider_payout_account (provider_id, stripe_account_id, details_submitted, "
                    + "charges_enabled, payouts_enabled, transfers_capability) values (?, ?, true, true, true, 'active') "
                    + "returning provider_id", id, "acct_" + username.replaceAll("[^A-Za-z0-9]", ""));
            return new TestProvider(id, username);
        }
    }

    private static void check(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("could not " + what + ": " + Http.describe(response));
        }
    }

    private static String serviceToken() {
        HttpResponse<String> token = Http.postForm(TestTarget.keycloakUrl() + "/realms/" + TestTarget.REALM
                + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", "marketplace-admin", "client_secret", SECRET));
        check(token, 200, "get a marketplace-admin token");
        return Http.json(token.body()).getString("access_token");
    }
}
