package dev.marketplace.onboarding.tokens.domain;

import dev.marketplace.keys.domain.KeySecret;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A provider token's secret: {@code pk-mk-v1-} and 64 hex characters. Stored only as its SHA-256 hex (the same
 * hashing as developer keys); the hint shows the prefix, three characters and the last four.
 */
public final class ProviderTokenSecret {
    public static final String PREFIX = "pk-mk-v1-";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProviderTokenSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** Whether a presented bearer value has the shape of a provider token (checked before hashing and lookup). */
    public static boolean looksValid(String presented) {
        return presented != null && presented.length() == PREFIX.length() + 2 * RANDOM_BYTES
                && presented.startsWith(PREFIX)
                && presented.substring(PREFIX.length()).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    public static String hash(String secret) {
        return KeySecret.hash(secret);
    }

    public static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + 3) + "…" + secret.substring(secret.length() - 4);
    }

    /** The token's name, trimmed: 1 to 100 characters. */
    public static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        return trimmed;
    }
}
