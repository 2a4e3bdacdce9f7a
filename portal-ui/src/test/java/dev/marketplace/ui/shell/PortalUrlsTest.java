package dev.marketplace.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "http, localhost, 8380, http://localhost:8380",
            "http, market.example, 80, http://market.example",
            "https, market.example, 443, https://market.example",
            "https, market.example, 80, https://market.example:80",
            "http, ::1, 8080, http://[::1]:8080"})
    void originOmitsDefaultPorts(String scheme, String host, int port, String origin) {
        assertEquals(origin, PortalUrls.origin(scheme, host, port));
    }

    @Test
    void realmUrlMatchesOidcJson() {
        assertEquals("http://localhost:8180/realms/marketplace", PortalUrls.realmUrl("http://localhost:8180"));
        assertEquals("http://kc:8480/realms/marketplace", PortalUrls.realmUrl("http://kc:8480/"));
    }

    @Test
    void loginCarriesTheReturnPathEncoded() {
        assertEquals("/login?to=%2Fdeveloper%3Ftab%3Dkeys", PortalUrls.login("/developer?tab=keys"));
    }

    @Test
    void endSessionReturnsToTheHomePage() {
        String realm = "http://localhost:8180/realms/marketplace";
        assertEquals(realm + "/protocol/openid-connect/logout?client_id=portal"
                        + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A8380%2F",
                PortalUrls.endSession(realm, "http://localhost:8380", null));
        assertEquals(realm + "/protocol/openid-connect/logout?client_id=portal"
                        + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A8380%2F&id_token_hint=a.b.c",
                PortalUrls.endSession(realm, "http://localhost:8380", "a.b.c"));
    }

    @Test
    void apiBaseIsUnderTheSameOrigin() {
        assertEquals("http://localhost:8380/api/v1", PortalUrls.apiBase("http://localhost:8380"));
    }
}
