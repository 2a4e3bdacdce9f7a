package dev.marketplace.keys.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeySecretTest {
    @Test
    void generatedKeysHaveTheFormatAndDiffer() {
        String a = KeySecret.generate();
        String b = KeySecret.generate();
        assertTrue(a.matches("sk-mk-v1-[0-9a-f]{64}"), a);
        assertTrue(KeySecret.looksValid(a));
        assertNotEquals(a, b);
    }

    @Test
    void hashIsSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeySecret.hash("abc"));
    }

    @Test
    void hintShowsOnlyTheEnds() {
        String key = "sk-mk-v1-" + "0123456789abcdef".repeat(4);
        assertEquals("sk-mk-v1-012…cdef", KeySecret.hint(key));
    }

    @Test
    void rejectsOtherShapes() {
        assertFalse(KeySecret.looksValid(null));
        assertFalse(KeySecret.looksValid("sk-or-v1-" + "0".repeat(64)));
        assertFalse(KeySecret.looksValid("sk-mk-v1-short"));
    }
}
