package dev.marketplace.ui.shell;

import java.util.Optional;

/**
 * Where to send the browser after signing in. Only a path on this site is accepted, so {@code /login?to=} cannot
 * be turned into an open redirect. The OpenID Connect adapter drops query parameters on its way back from
 * Keycloak, so the path also travels in the HTTP session.
 */
public final class ReturnPath {

    public static final String SESSION_ATTRIBUTE = ReturnPath.class.getName();
    static final int MAX_LENGTH = 2_000;

    private ReturnPath() {
    }

    /** The path if it is local: starts with one {@code /}, no backslash, no control or space characters. */
    public static Optional<String> local(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return Optional.empty();
        }
        if (path.startsWith("//") || path.indexOf('\\') >= 0 || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(path);
    }
}
