package dev.marketplace.onboarding.tokens.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.domain.KeySecret;
import org.junit.jupiter.api.Test;

class ProviderTokenSecretTest {

    @Test
    void aTokenHasItsOwnPrefixAndIsNoDeveloperKey() {
        String token = ProviderTokenSecret.generate();
        assertTrue(token.startsWith("pk-mk-v1-"));
        assertEquals(9 + 64, token.length());
        assertTrue(ProviderTokenSecret.looksValid(token));
        assertTrue(KeySecret.claimedKind(token).isEmpty(), "no kind of developer key");
        for (KeyKind kind : KeyKind.values()) {
            assertFalse(ProviderTokenSecret.looksValid(KeySecret.generate(kind)), kind.toString());
        }
        assertNotEquals(token, ProviderTokenSecret.generate());
    }

    @Test
    void theHashIsSha256HexOfTheWholeSecret() {
        // SHA-256("pk-mk-v1-" + 64 zeros), computed independently with sha256sum
        String token = "pk-mk-v1-" + "0".repeat(64);
        assertEquals("b600a6442cc75f15febcfe21a1c98fe79a24761e37edac454a886ad075eaa044", ProviderTokenSecret.hash(token));
        assertNotEquals(ProviderTokenSecret.hash(token), ProviderTokenSecret.hash(token.substring(0, 72) + "1"));
    }

    @Test
    void malformedValuesAreRefusedBeforeAnyLookup() {
        assertFalse(ProviderTokenSecret.looksValid(null));
        assertFalse(ProviderTokenSecret.looksValid("pk-mk-v1-abc"));
        assertFalse(ProviderTokenSecret.looksValid("pk-mk-v1-" + "g".repeat(64)), "hex only");
        assertFalse(ProviderTokenSecret.looksValid("pk-mk-v2-" + "0".repeat(64)));
        assertFalse(ProviderTokenSecret.looksValid("pk-mk-v1-" + "0".repeat(65)));
    }

    @Test
    void theHintShowsPrefixThreeAndLastFour() {
        String token = "pk-mk-v1-abc" + "0".repeat(57) + "wxyz";
        assertEquals(73, token.length());
        assertEquals("pk-mk-v1-abc…wxyz", ProviderTokenSecret.hint(token));
    }

    @Test
    void theNameIsTrimmedAndBounded() {
        assertEquals("ci", ProviderTokenSecret.name("  ci "));
        assertThrows(IllegalArgumentException.class, () -> ProviderTokenSecret.name(" "));
        assertThrows(IllegalArgumentException.class, () -> ProviderTokenSecret.name(null));
        assertThrows(IllegalArgumentException.class, () -> ProviderTokenSecret.name("x".repeat(101)));
    }
}
