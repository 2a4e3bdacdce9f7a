package dev.marketplace.ui.security;

import java.security.Principal;
import java.util.Optional;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Reads what the portal needs from WildFly's OpenID Connect principal: the e-mail claim and the raw ID token (the
 * hint Keycloak's end-session endpoint wants). The only class that knows the principal is WildFly's.
 */
final class OidcTokens {

    private OidcTokens() {
    }

    static Optional<String> email(Principal principal) {
        return context(principal).map(OidcSecurityContext::getIDToken).map(token -> token.getEmail());
    }

    static Optional<String> idToken(Principal principal) {
        return context(principal).map(OidcSecurityContext::getIDTokenString);
    }

    private static Optional<OidcSecurityContext> context(Principal principal) {
        return principal instanceof OidcPrincipal<?> oidc ? Optional.ofNullable(oidc.getOidcSecurityContext()) : Optional.empty();
    }
}
