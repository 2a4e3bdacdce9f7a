package dev.marketplace.keys.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyKindTest {
    @Test
    void eachKindGeneratesKeysInItsOwnFormatOnly() {
        String api = KeySecret.generate(KeyKind.API);
        String management = KeySecret.generate(KeyKind.MANAGEMENT);
        assertTrue(api.startsWith("sk-mk-v1-"));
        assertTrue(management.startsWith("sk-mk-mgmt-v1-"));
        assertTrue(KeySecret.looksValid(KeyKind.API, api));
        assertTrue(KeySecret.looksValid(KeyKind.MANAGEMENT, management));
        assertFalse(KeySecret.looksValid(KeyKind.API, management), "a management key never passes as an API key");
        assertFalse(KeySecret.looksValid(KeyKind.MANAGEMENT, api), "an API key never passes as a management key");
        assertFalse(KeySecret.looksValid(management), "the hot path's check refuses management keys");
    }

    @Test
    void claimedKindComesFromTheFormat() {
        assertEquals(Optional.of(KeyKind.API), KeySecret.claimedKind(KeySecret.generate()));
        assertEquals(Optional.of(KeyKind.MANAGEMENT), KeySecret.claimedKind(KeySecret.generate(KeyKind.MANAGEMENT)));
        assertEquals(Optional.empty(), KeySecret.claimedKind("sk-mk-mgmt-v1-short"));
        assertEquals(Optional.empty(), KeySecret.claimedKind(null));
    }

    @Test
    void managementHintKeepsItsWholePrefix() {
        String key = "sk-mk-mgmt-v1-" + "0123456789abcdef".repeat(4);
        assertEquals("sk-mk-mgmt-v1-012…cdef", KeySecret.hint(key));
    }

    @Test
    void databaseValuesRoundTrip() {
        for (KeyKind kind : KeyKind.values()) {
            assertEquals(kind, KeyKind.fromDb(kind.dbValue()));
        }
        assertEquals("api", KeyKind.API.dbValue());
        assertEquals("management", KeyKind.MANAGEMENT.dbValue());
        assertThrows(IllegalArgumentException.class, () -> KeyKind.fromDb("provider"));
    }
}
