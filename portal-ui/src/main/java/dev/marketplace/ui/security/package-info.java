/**
 * Signing in and out of the portal. The server authenticates with OpenID Connect only on {@code /login}; the
 * login servlet turns that identity into a {@link dev.marketplace.ui.shell.PortalUser} in the HTTP session, which
 * is all the views ever read. WildFly's OIDC types are used only in {@link dev.marketplace.ui.security.OidcTokens}.
 */
package dev.marketplace.ui.security;
