package dev.marketplace.systemtests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.Keycloak;
import dev.marketplace.systemtests.support.TestTarget;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two kinds of credentials, never interchangeable: Keycloak tokens guard the provider API (role provider or admin),
 * marketplace API keys ({@code sk-mk-…}) guard the OpenAI-compatible API.
 */
class OidcGuardIT {
    private static String meUrl() {
        return TestTarget.baseUrl() + "/api/provider/v1/me";
    }

    @Test
    void providerApiWithoutTokenIsUnauthorized() {
        HttpResponse<String> r = Http.get(meUrl(), null);
        assertEquals(401, r.statusCode(), () -> Http.describe(r));
        assertEquals(401, Http.json(r.body()).getJsonObject("error").getInt("code"), "the API's error shape");
    }

    @Test
    void marketplaceKeyIsNoKeycloakToken() {
        HttpResponse<String> r = Http.get(meUrl(), TestTarget.apiKey());
        assertEquals(401, r.statusCode(), () -> Http.describe(r));
    }

    @Test
    void providerTokenSeesItsIdentity() {
        HttpResponse<String> r = Http.get(meUrl(), Keycloak.accessToken("provider"));

        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        JsonObject me = Http.json(r.body());
        assertEquals("provider", me.getString("username"));
        assertEquals(List.of("provider"), me.getJsonArray("roles").getValuesAs(JsonString::getString));
    }

    @Test
    void developerTokenIsForbiddenOnTheProviderApi() {
        HttpResponse<String> r = Http.get(meUrl(), Keycloak.accessToken("developer"));
        assertEquals(403, r.statusCode(), () -> Http.describe(r));
        assertEquals("permission_error", Http.json(r.body()).getJsonObject("error").getString("type"), "the API's error shape");
    }

    @Test
    void marketplaceKeyListsModels() {
        HttpResponse<String> r = Http.get(TestTarget.apiUrl() + "/models", TestTarget.apiKey());

        assertEquals(200, r.statusCode(), () -> Http.describe(r));
        assertEquals("list", Http.json(r.body()).getString("object"));
    }

    @Test
    void keycloakTokenCannotCallTheInferenceApi() {
        HttpResponse<String> r = Http.postJson(ChatApi.completionsUrl(), Keycloak.accessToken("developer"),
                ChatApi.body("hello", false, 0));

        assertEquals(401, r.statusCode(), () -> Http.describe(r));
        assertEquals("authentication_error", Http.json(r.body()).getJsonObject("error").getString("type"));
    }
}
