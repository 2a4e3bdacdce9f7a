package dev.marketplace.platform.secrets;

/**
 * Providers' upstream API keys as {@code provider_endpoint.api_key} stores them: sealed with the endpoint's row as
 * the context ({@code provider_endpoint:<id>}), so a sealed key copied to another endpoint does not open. A value
 * without the sealed prefix is a legacy plain-text key (old seeds): it is used as it is until
 * {@code ./marketplace reseal-secrets} seals it.
 */
public final class EndpointKeys {

    private static final int HINT_CHARS = 4;
    private static final int MIN_KEY_CHARS_FOR_HINT = 8;

    private EndpointKeys() {
    }

    public static String context(long endpointId) {
        return "provider_endpoint:" + endpointId;
    }

    public static String seal(SecretCipher cipher, long endpointId, String plaintext) {
        return cipher.seal(plaintext, context(endpointId));
    }

    /** The key to send upstream: opened when sealed, as stored when legacy plain text, null when there is none. */
    public static String open(SecretCipher cipher, long endpointId, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        return cipher.open(stored, context(endpointId));
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SecretCipher.PREFIX);
    }

    /** What may be shown of a key again: its last 4 characters, or nothing of a key too short to spare them. */
    public static String hint(String plaintext) {
        if (plaintext == null || plaintext.length() < MIN_KEY_CHARS_FOR_HINT) {
            return "…";
        }
        return "…" + plaintext.substring(plaintext.length() - HINT_CHARS);
    }
}
