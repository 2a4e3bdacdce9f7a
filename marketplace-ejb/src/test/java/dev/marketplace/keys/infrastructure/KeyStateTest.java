package dev.marketplace.keys.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rule both authentications apply to a cached key: right kind, not revoked, not disabled, not expired. */
class KeyStateTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static KeyState key(KeyKind kind, boolean active, boolean disabled, Instant expiresAt) {
        return new KeyState(1, 2, active, kind, disabled, expiresAt, null, LimitReset.NONE, null);
    }

    @Test
    void anActiveApiKeyCallsModelsButIsNoManagementKey() {
        KeyState api = key(KeyKind.API, true, false, null);
        assertTrue(api.usableAs(KeyKind.API, NOW));
        assertFalse(api.usableAs(KeyKind.MANAGEMENT, NOW));
    }

    @Test
    void aManagementKeyNeverCallsModels() {
        KeyState management = key(KeyKind.MANAGEMENT, true, false, null);
        assertTrue(management.usableAs(KeyKind.MANAGEMENT, NOW));
        assertFalse(management.usableAs(KeyKind.API, NOW));
    }

    @Test
    void revokedDisabledOrExpiredKeysAreRefused() {
        assertFalse(key(KeyKind.API, false, false, null).usableAs(KeyKind.API, NOW), "revoked");
        assertFalse(key(KeyKind.API, true, true, null).usableAs(KeyKind.API, NOW), "disabled");
        assertFalse(key(KeyKind.API, true, false, NOW).usableAs(KeyKind.API, NOW), "expired at this instant");
        assertFalse(key(KeyKind.API, true, false, NOW.minusSeconds(1)).usableAs(KeyKind.API, NOW), "expired");
        assertTrue(key(KeyKind.API, true, false, NOW.plusSeconds(1)).usableAs(KeyKind.API, NOW), "not yet expired");
        assertFalse(key(KeyKind.MANAGEMENT, true, true, null).usableAs(KeyKind.MANAGEMENT, NOW), "disabled management");
    }

    @Test
    void theShortConstructorIsAnUnlimitedApiKey() {
        KeyState s = new KeyState(1, 2, true);
        assertTrue(s.usableAs(KeyKind.API, NOW));
        assertTrue(s.creditLimitMicros() == null && s.limitReset() == LimitReset.NONE && s.expiresAt() == null);
    }
}
