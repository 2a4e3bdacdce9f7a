package dev.marketplace.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String CONTEXT = "provider_endpoint:42";
    private static final byte[] KEY_1 = filled(1);
    private static final byte[] KEY_2 = filled(2);

    private final SecretCipher k1 = new SecretCipher(new SecretKeyRing("k1", KEY_1, Map.of()));

    @Test
    void roundTrip() {
        String sealed = k1.seal("sk-upstream-çé-🔑", CONTEXT);
        assertTrue(sealed.startsWith("enc:v1:k1:"), sealed);
        assertFalse(sealed.contains("sk-upstream"));
        assertEquals("sk-upstream-çé-🔑", k1.open(sealed, CONTEXT));
        assertEquals("", k1.open(k1.seal("", CONTEXT), CONTEXT));
    }

    @Test
    void eachSealingUsesAFreshNonce() {
        String first = k1.seal("same", CONTEXT);
        String second = k1.seal("same", CONTEXT);
        assertNotEquals(first, second);
        byte[] a = Base64.getUrlDecoder().decode(first.substring("enc:v1:k1:".length()));
        byte[] b = Base64.getUrlDecoder().decode(second.substring("enc:v1:k1:".length()));
        assertEquals(12 + 4 + 16, a.length, "nonce, 4 bytes of ciphertext, tag");
        assertNotEquals(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(a, 12)),
                Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(b, 12)));
    }

    @Test
    void everyFlippedBitIsDetected() {
        String sealed = k1.seal("sk-upstream", CONTEXT);
        String prefix = "enc:v1:k1:";
        byte[] body = Base64.getUrlDecoder().decode(sealed.substring(prefix.length()));
        for (int i = 0; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            String value = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            SecretDecryptionException refused = assertThrows(SecretDecryptionException.class, () -> k1.open(value, CONTEXT),
                    "byte " + i);
            assertTrue(refused.getMessage().contains("failed authentication"), refused.getMessage());
        }
    }

    @Test
    void aValueMovedToAnotherRowDoesNotOpen() {
        String sealed = k1.seal("sk-upstream", CONTEXT);
        assertThrows(SecretDecryptionException.class, () -> k1.open(sealed, "provider_endpoint:43"));
    }

    @Test
    void relabellingTheKeyIdDoesNotOpen() {
        SecretCipher both = new SecretCipher(new SecretKeyRing("k1", KEY_1, Map.of("k0", KEY_1)));
        String sealed = both.seal("sk-upstream", CONTEXT);
        String relabelled = sealed.replace("enc:v1:k1:", "enc:v1:k0:");
        assertThrows(SecretDecryptionException.class, () -> both.open(relabelled, CONTEXT));
    }

    @Test
    void theWrongKeyUnderTheSameIdFails() {
        String sealed = k1.seal("sk-upstream", CONTEXT);
        SecretCipher impostor = new SecretCipher(new SecretKeyRing("k1", KEY_2, Map.of()));
        SecretDecryptionException refused = assertThrows(SecretDecryptionException.class, () -> impostor.open(sealed, CONTEXT));
        assertTrue(refused.getMessage().contains("another key under the id 'k1'"), refused.getMessage());
    }

    @Test
    void rotationOpensOldValuesAndSealsWithTheNewKey() {
        String old = k1.seal("sk-upstream", CONTEXT);
        SecretCipher rotated = new SecretCipher(new SecretKeyRing("k2", KEY_2, Map.of("k1", KEY_1)));
        assertEquals("sk-upstream", rotated.open(old, CONTEXT));
        assertTrue(rotated.needsResealing(old));
        String resealed = rotated.seal(rotated.open(old, CONTEXT), CONTEXT);
        assertTrue(resealed.startsWith("enc:v1:k2:"));
        assertFalse(rotated.needsResealing(resealed));

        SecretCipher afterRetirement = new SecretCipher(new SecretKeyRing("k2", KEY_2, Map.of()));
        assertEquals("sk-upstream", afterRetirement.open(resealed, CONTEXT));
        SecretDecryptionException retired = assertThrows(SecretDecryptionException.class, () -> afterRetirement.open(old, CONTEXT));
        assertTrue(retired.getMessage().contains("key id 'k1'"), retired.getMessage());
        assertThrows(SecretDecryptionException.class, () -> k1.open(resealed, CONTEXT), "the old ring cannot open new values");
    }

    @Test
    void malformedValuesAreRefusedClearly() {
        assertThrows(SecretDecryptionException.class, () -> k1.open("sk-plaintext", CONTEXT));
        assertThrows(SecretDecryptionException.class, () -> k1.open("enc:v1:k1", CONTEXT));
        assertThrows(SecretDecryptionException.class, () -> k1.open("enc:v1:k1:!!!", CONTEXT));
        assertThrows(SecretDecryptionException.class, () -> k1.open("enc:v1:k1:AAAA", CONTEXT));
    }

    @Test
    void keySettingsAreValidated() {
        String good = Base64.getEncoder().encodeToString(KEY_1);
        assertEquals(32, SecretKeyRing.decode("MARKET_SECRETS_KEY", good).length);
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> SecretKeyRing.decode("MARKET_SECRETS_KEY", Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(shortKey.getMessage().contains("must be 32 bytes"), shortKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.decode("MARKET_SECRETS_KEY", "not base64!"));
        assertEquals(2, SecretKeyRing.parseOldKeys("k1=" + good + ", k0=" + good).size());
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.parseOldKeys(good));
        assertFalse(noId.getMessage().contains(good.substring(0, 10)), "a key must not appear in an error message");
        assertThrows(IllegalArgumentException.class, () -> new SecretKeyRing("bad id!", KEY_1, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SecretKeyRing("k1", KEY_1, Map.of("k1", KEY_2)));
    }

    @Test
    void theDevelopmentKeyIsLabelledAsSuch() {
        SecretCipher dev = new SecretCipher(new SecretKeyRing(SecretKeyRing.DEV_KEY_ID, SecretKeyRing.devKey(), Map.of()));
        assertTrue(dev.seal("x", CONTEXT).startsWith("enc:v1:dev-insecure:"));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
