package dev.marketplace.onboarding.signup.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeycloakRoleGrantsTest {

    private HttpServer server;
    private KeycloakRoleGrants grants;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String mappedBody;

    @BeforeEach
    void stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/marketplace/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add("token " + form);
            boolean ok = form.contains("client_id=marketplace-admin") && form.contains("client_secret=s3cret")
                    && form.contains("grant_type=client_credentials");
            answer(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"tok\",\"expires_in\":60}" : "{\"error\":\"unauthorized_client\"}");
        });
        server.createContext("/admin/realms/marketplace/users", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()) + " " + auth);
            if (path.endsWith("/role-mappings/realm") && exchange.getRequestMethod().equals("POST")) {
                mappedBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                answer(exchange, 204, "");
            } else if (exchange.getRequestURI().getRawQuery().contains("username=alice%2Bx")) {
                answer(exchange, 200, "[{\"id\":\"u-1\",\"username\":\"alice+x\"}]");
            } else {
                answer(exchange, 200, "[]");
            }
        });
        server.createContext("/admin/realms/marketplace/roles/provider", exchange -> {
            calls.add("GET role");
            answer(exchange, 200, "{\"id\":\"r-9\",\"name\":\"provider\",\"composite\":false}");
        });
        server.start();
    }

    private KeycloakRoleGrants grants(String secret) {
        return new KeycloakRoleGrants(new KeycloakAdminSettings("http://127.0.0.1:" + server.getAddress().getPort(),
                "marketplace", "marketplace-admin", secret, 2_000));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void grantsTheRealmRoleToTheUser() {
        grants("s3cret").grantRealmRole("alice+x", "provider");
        assertEquals("[{\"id\":\"r-9\",\"name\":\"provider\",\"composite\":false}]", mappedBody);
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("GET /admin/realms/marketplace/users?exact=true&username=alice%2Bx Bearer tok")),
                calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("POST /admin/realms/marketplace/users/u-1/role-mappings/realm Bearer tok")),
                calls.toString());
    }

    @Test
    void anUnknownUserIsAClearError() {
        RoleGrantException missing = assertThrows(RoleGrantException.class, () -> grants("s3cret").grantRealmRole("nobody", "provider"));
        assertTrue(missing.getMessage().contains("no user 'nobody'"), missing.getMessage());
        assertEquals(null, mappedBody);
    }

    @Test
    void aRefusedClientIsAClearError() {
        RoleGrantException refused = assertThrows(RoleGrantException.class, () -> grants("wrong").grantRealmRole("alice+x", "provider"));
        assertTrue(refused.getMessage().contains("HTTP 401 when getting an admin token"), refused.getMessage());
        assertEquals(null, mappedBody);
    }

    @Test
    void anUnreachableKeycloakIsAClearError() {
        KeycloakRoleGrants nowhere = new KeycloakRoleGrants(new KeycloakAdminSettings("http://127.0.0.1:1", "marketplace",
                "marketplace-admin", "s3cret", 1_000));
        RoleGrantException down = assertThrows(RoleGrantException.class, () -> nowhere.grantRealmRole("alice", "provider"));
        assertTrue(down.getMessage().contains("could not be reached"), down.getMessage());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
