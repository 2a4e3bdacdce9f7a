package dev.marketplace.keys.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The format of a marketplace key (its kind's prefix, {@code sk-mk-v1-} for API keys and {@code sk-mk-mgmt-v1-}
 * for management keys, then 64 characters), its hash and its display hint.
 */
public final class KeySecret {
    /** The prefix of API keys, the kind that calls models. */
    public static final String PREFIX = KeyKind.API.prefix();
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecret() {
    }

    /** A new API key. */
    public static String generate() {
        return generate(KeyKind.API);
    }

    public static String generate(KeyKind kind) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return kind.prefix() + HexFormat.of().formatHex(bytes);
    }

    /** Whether a presented bearer value looks like one of our API keys at all (cheap check before hashing). */
    public static boolean looksValid(String presented) {
        return looksValid(KeyKind.API, presented);
    }

    public static boolean looksValid(KeyKind kind, String presented) {
        return presented != null && presented.startsWith(kind.prefix())
                && presented.length() == kind.prefix().length() + 2 * RANDOM_BYTES;
    }

    /** The kind a presented value claims by its format, or empty when it is none of ours. */
    public static Optional<KeyKind> claimedKind(String presented) {
        for (KeyKind kind : KeyKind.values()) {
            if (looksValid(kind, presented)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** What the portal shows to recognise a key: its prefix and three more characters, and its last four. */
    public static String hint(String secret) {
        int prefixLength = claimedKind(secret).map(k -> k.prefix().length()).orElse(PREFIX.length());
        return secret.substring(0, prefixLength + 3) + "…" + secret.substring(secret.length() - 4);
    }
}
