package dev.marketplace.platform.secrets;

import dev.marketplace.platform.Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys secrets are sealed with: one current key (seals and opens) and older keys (open only), each
 * under a short id. Read from {@code MARKET_SECRETS_KEY} (base64 of 32 bytes), {@code MARKET_SECRETS_KEY_ID}
 * (default {@code k1}) and {@code MARKET_SECRETS_OLD_KEYS} ({@code id=base64,id=base64}); see docs/operations.md.
 */
public final class SecretKeyRing {

    /**
     * The id of the built-in key used when {@code MARKET_SECRETS_KEY} is not set. FOR THE LOCAL DEV/TEST STACK ONLY:
     * the key is derived from a string in this source file, so it protects nothing. Every value it seals carries
     * this id, which makes such values easy to find (and re-seal) once a real key is configured.
     */
    public static final String DEV_KEY_ID = "dev-insecure";
    private static final String DEV_KEY_SEED = "model-marketplace local development key: NOT A SECRET";

    private static final Logger LOG = Logger.getLogger(SecretKeyRing.class.getName());
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKey> keys;

    public SecretKeyRing(String currentId, byte[] currentKey, Map<String, byte[]> oldKeys) {
        this.currentId = checkId(currentId);
        Map<String, SecretKey> all = new LinkedHashMap<>();
        all.put(currentId, aes(currentId, currentKey));
        oldKeys.forEach((id, key) -> {
            if (all.putIfAbsent(checkId(id), aes(id, key)) != null) {
                throw new IllegalArgumentException("secrets key id '" + id + "' is listed twice");
            }
        });
        this.keys = Map.copyOf(all);
    }

    /** The keys configured for this process; the dev key (with a warning) when none is configured. */
    public static SecretKeyRing fromConfig() {
        String key = Config.get("secrets.key", "");
        Map<String, byte[]> old = parseOldKeys(Config.get("secrets.old.keys", ""));
        if (key.isBlank()) {
            LOG.warning("MARKET_SECRETS_KEY is not set: provider secrets are sealed with the built-in development key '"
                    + DEV_KEY_ID + "', which protects nothing. Set MARKET_SECRETS_KEY outside a local stack.");
            return new SecretKeyRing(DEV_KEY_ID, devKey(), old);
        }
        return new SecretKeyRing(Config.get("secrets.key.id", "k1"), decode("MARKET_SECRETS_KEY", key), old);
    }

    static Map<String, byte[]> parseOldKeys(String setting) {
        Map<String, byte[]> old = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String id = equals < 1 ? "" : entry.substring(0, equals).trim();
            if (!KEY_ID.matcher(id).matches()) {
                // never echo the entry: it may be a key
                throw new IllegalArgumentException("MARKET_SECRETS_OLD_KEYS entries are id=base64key with an id of "
                        + "1-32 letters, digits, '-' or '_'");
            }
            old.put(id, decode("MARKET_SECRETS_OLD_KEYS[" + id + "]", entry.substring(equals + 1).trim()));
        }
        return old;
    }

    static byte[] decode(String setting, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not valid base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be 32 bytes (base64 of 32 random bytes, e.g. "
                    + "`openssl rand -base64 32`), got " + key.length);
        }
        return key;
    }

    static byte[] devKey() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(DEV_KEY_SEED.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    private static String checkId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a secrets key id is 1-32 letters, digits, '-' or '_': '" + id + "'");
        }
        return id;
    }

    private static SecretKey aes(String id, byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("secrets key '" + id + "' must be 32 bytes, got " + key.length);
        }
        return new SecretKeySpec(Arrays.copyOf(key, KEY_BYTES), "AES");
    }
}
