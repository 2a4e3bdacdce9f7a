package dev.marketplace.keys.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void namesAreTrimmedAndOneToOneHundredCharacters() {
        assertEquals("ci", KeyRules.name("  ci \n"));
        assertEquals("x".repeat(100), KeyRules.name("x".repeat(100)));
        assertEquals("name", assertThrows(InvalidKeySettingException.class, () -> KeyRules.name("   ")).param());
        assertThrows(InvalidKeySettingException.class, () -> KeyRules.name(null));
        assertThrows(InvalidKeySettingException.class, () -> KeyRules.name("x".repeat(101)));
    }

    @Test
    void limitsAreNullOrWithinBounds() {
        assertNull(KeyRules.limitMicros(null));
        assertEquals(0L, KeyRules.limitMicros(0L));
        assertEquals(KeyRules.MAX_LIMIT_MICROS, KeyRules.limitMicros(KeyRules.MAX_LIMIT_MICROS));
        assertEquals("limit", assertThrows(InvalidKeySettingException.class, () -> KeyRules.limitMicros(-1L)).param());
        assertThrows(InvalidKeySettingException.class, () -> KeyRules.limitMicros(KeyRules.MAX_LIMIT_MICROS + 1));
    }

    @Test
    void expiryLiesAheadButNotTooFar() {
        assertNull(KeyRules.expiresAt(null, NOW));
        assertEquals(NOW.plusSeconds(1), KeyRules.expiresAt(NOW.plusSeconds(1), NOW));
        assertEquals("expires_at", assertThrows(InvalidKeySettingException.class,
                () -> KeyRules.expiresAt(NOW, NOW)).param());
        assertThrows(InvalidKeySettingException.class, () -> KeyRules.expiresAt(NOW.minusSeconds(1), NOW));
        assertThrows(InvalidKeySettingException.class,
                () -> KeyRules.expiresAt(NOW.plus(KeyRules.MAX_LIFETIME).plus(Duration.ofSeconds(1)), NOW));
    }

    @Test
    void aSettingErrorIsStillAnIllegalArgumentForThePortal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyRules.name(""));
        assertEquals("A key name is 1 to 100 characters", e.getMessage());
    }
}
