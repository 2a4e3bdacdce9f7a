package dev.marketplace.keys.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The format of a marketplace API key ({@code sk-mk-v1-} and 64 hex digits), its hash and its display hint. */
public final class KeySecret {
    public static final String PREFIX = "sk-mk-v1-";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** Whether a presented bearer value looks like one of our API keys at all (cheap check before hashing). */
    public static boolean looksValid(String presented) {
        return presented != null && presented.startsWith(PREFIX) && presented.length() == PREFIX.length() + 2 * RANDOM_BYTES;
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** What the portal shows to recognise a key: its start and its last four characters. */
    public static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + 3) + "…" + secret.substring(secret.length() - 4);
    }
}
