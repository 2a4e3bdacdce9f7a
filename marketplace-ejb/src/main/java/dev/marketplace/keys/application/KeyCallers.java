package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.infrastructure.KeyAuthenticator;
import dev.marketplace.keys.infrastructure.KeyState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is calling, from the {@code Authorization: Bearer …} header: an API key for the account endpoints, a management
 * key for the /keys API. A valid key of the other kind is refused with 403, anything else with 401.
 */
@ApplicationScoped
public class KeyCallers {
    private static final String BEARER = "Bearer ";

    @Inject
    KeyAuthenticator authenticator;

    public KeyState apiKey(String authorization) {
        String presented = bearer(authorization, "sk-mk-v1-…");
        return authenticator.authenticate(presented).orElseThrow(() -> refused(presented, KeyKind.MANAGEMENT,
                "Invalid, revoked, disabled or expired API key", "A management key cannot be used here: use an API key"));
    }

    public KeyState managementKey(String authorization) {
        String presented = bearer(authorization, "sk-mk-mgmt-v1-…");
        return authenticator.authenticateManagement(presented).orElseThrow(() -> refused(presented, KeyKind.API,
                "Invalid, revoked, disabled or expired management key",
                "This endpoint needs a management key; an API key can only call models"));
    }

    private KeyRequestException refused(String presented, KeyKind otherKind, String invalid, String wrongKind) {
        Optional<KeyState> other = authenticator.lookup(presented);
        boolean isUsableOtherKind = other.filter(k -> k.usableAs(otherKind, Instant.now())).isPresent();
        return isUsableOtherKind ? KeyRequestException.forbidden(wrongKind) : KeyRequestException.unauthorized(invalid);
    }

    private static String bearer(String authorization, String example) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw KeyRequestException.unauthorized("Missing key: send 'Authorization: Bearer " + example + "'");
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
