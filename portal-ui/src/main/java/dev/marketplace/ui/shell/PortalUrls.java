package dev.marketplace.ui.shell;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses the portal shows or redirects to: its own origin, the public API base, sign-in and sign-up, and
 * Keycloak's end-session page. Keycloak's address comes from {@code KEYCLOAK_URL}, the same variable
 * {@code WEB-INF/oidc.json} reads, so the two cannot disagree.
 */
public final class PortalUrls {

    public static final String KEYCLOAK_URL_ENV = "KEYCLOAK_URL";
    public static final String DEFAULT_KEYCLOAK_URL = "http://localhost:8180";
    public static final String REALM = "marketplace";
    public static final String CLIENT_ID = "portal";

    private PortalUrls() {
    }

    /** {@code scheme://host[:port]} of a request, as the browser addressed it. */
    public static String origin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** The origin of the Vaadin request being handled. */
    public static String currentOrigin() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            throw new IllegalStateException("not inside a Vaadin servlet request");
        }
        return origin(request.getHttpServletRequest());
    }

    static String origin(String scheme, String host, int port) {
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String hostPart = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + hostPart + (defaultPort ? "" : ":" + port);
    }

    public static String apiBase(String origin) {
        return origin + "/api/v1";
    }

    /** The sign-in path that returns to {@code localPath} afterwards. */
    public static String login(String localPath) {
        return "/login?to=" + encode(localPath);
    }

    /** Keycloak's realm URL, the OpenID provider URL of {@code oidc.json}. */
    public static String realmUrl() {
        String configured = System.getenv(KEYCLOAK_URL_ENV);
        String base = configured == null || configured.isBlank() ? DEFAULT_KEYCLOAK_URL : configured.strip();
        return realmUrl(base);
    }

    static String realmUrl(String keycloakUrl) {
        String base = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
        return base + "/realms/" + REALM;
    }

    /**
     * Sign-up: {@code prompt=create} (Keycloak 26.1+) asks for the registration page inside the adapter's own
     * authorization request, so the code flow's state check still passes when the user comes back.
     */
    public static String signUp() {
        return "/login?prompt=create";
    }

    /** Keycloak's end-session endpoint, returning to the public home; {@code idToken} may be null. */
    public static String endSession(String realmUrl, String origin, String idToken) {
        String url = realmUrl + "/protocol/openid-connect/logout?client_id=" + CLIENT_ID
                + "&post_logout_redirect_uri=" + encode(origin + "/");
        return idToken == null ? url : url + "&id_token_hint=" + encode(idToken);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
