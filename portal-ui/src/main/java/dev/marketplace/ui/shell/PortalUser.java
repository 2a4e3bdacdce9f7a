package dev.marketplace.ui.shell;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who is signed in to the portal, as the login servlet saw it in the OpenID Connect identity, kept in the HTTP
 * session. Immutable; a role granted later shows up only after signing in again.
 */
public record PortalUser(String username, String email, Set<String> roles) implements Serializable {

    public static final String DEVELOPER = "developer";
    public static final String PROVIDER = "provider";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";
    /** The realm roles the portal knows, in the order that picks a user's home page. */
    public static final List<String> ROLES = List.of(DEVELOPER, PROVIDER, FINANCE, ADMIN);

    /** The HTTP session attribute the login servlet writes and the views read. */
    public static final String SESSION_ATTRIBUTE = PortalUser.class.getName();

    public PortalUser {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The page a user lands on after signing in: their first role in {@link #ROLES} order, else the public home. */
    public String homePath() {
        return ROLES.stream().filter(this::hasRole).findFirst().map(role -> "/" + role).orElse("/");
    }
}
