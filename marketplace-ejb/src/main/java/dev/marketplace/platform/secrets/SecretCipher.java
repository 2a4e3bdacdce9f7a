package dev.marketplace.platform.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM. A sealed value reads {@code enc:v1:<keyId>:<base64url(nonce ‖
 * ciphertext ‖ tag)>}; the nonce is 96 random bits per value; the version, key id and a caller-given context (such
 * as {@code provider_endpoint:42}) are authenticated as associated data, so a value cannot be moved to another row
 * or relabelled with another key id without failing to open.
 */
public final class SecretCipher {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeyRing keys;

    public SecretCipher(SecretKeyRing keys) {
        this.keys = keys;
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String keyId = keys.currentId();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, keyId, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String open(String sealedValue, String context) {
        if (sealedValue == null || !sealedValue.startsWith(PREFIX)) {
            throw new SecretDecryptionException("not a sealed secret (expected the prefix " + PREFIX + ")");
        }
        int colon = sealedValue.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SecretDecryptionException("a sealed secret without a key id");
        }
        String keyId = sealedValue.substring(PREFIX.length(), colon);
        SecretKey key = keys.byId(keyId).orElseThrow(() -> new SecretDecryptionException(
                "sealed with key id '" + keyId + "', which is neither MARKET_SECRETS_KEY nor in MARKET_SECRETS_OLD_KEYS"));
        byte[] body;
        try {
            body = Base64.getUrlDecoder().decode(sealedValue.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("a sealed secret with a damaged body", e);
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("a sealed secret that is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(body, NONCE_BYTES), keyId, context);
            return new String(cipher.doFinal(body, NONCE_BYTES, body.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("a sealed secret failed authentication (tampered, another context, "
                    + "or another key under the id '" + keyId + "')", e);
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("a sealed secret could not be opened: " + e.getMessage(), e);
        }
    }

    /** Was this value sealed with a key other than the current one (so it should be re-sealed)? */
    public boolean needsResealing(String sealedValue) {
        return !sealedValue.startsWith(PREFIX + keys.currentId() + ":");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((PREFIX + keyId + ":" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
