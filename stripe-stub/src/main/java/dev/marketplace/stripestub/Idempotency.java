package dev.marketplace.stripestub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe's idempotent requests: the first response to a key is stored with the request's fingerprint (method,
 * path and every parameter); the same key with the same request gets the stored response again (marked
 * {@code Idempotent-Replayed: true}), with a different request a 400 idempotency_error. As at Stripe, a request
 * refused by validation (400 invalid_request_error) or authentication stores nothing, and keys are per API key.
 * Bounded: the oldest keys are forgotten first.
 */
final class Idempotency {

    static final int MAX_KEYS = 50_000;
    static final int MAX_KEY_LENGTH = 255;

    /** A response as sent: status and body. */
    record Stored(String fingerprint, int status, String body) {
    }

    private final Map<String, Stored> byKey = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** The stored response for a repeated request, {@code null} for a new key; throws on a key reused differently. */
    synchronized Stored replay(String apiKey, String key, String fingerprint) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw StripeError.invalid("Idempotency-Key must be 1.." + MAX_KEY_LENGTH + " characters", null);
        }
        Stored stored = byKey.get(apiKey + "\n" + key);
        if (stored == null) {
            return null;
        }
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new StripeError(400, "idempotency_error", null, "Keys for idempotent requests can only be used"
                    + " with the same parameters they were first used with. Try using a key other than '" + key
                    + "' if you meant to execute a different request.", null, null);
        }
        return stored;
    }

    /**
     * {@code POST /_stub/idempotency/forget}: forgets every stored key, as Stripe does after 24 hours, so a test can
     * retry "a day later" with the same key and get a new object.
     */
    synchronized Reply forgetAll() {
        int forgotten = byKey.size();
        byKey.clear();
        return Reply.ok(new java.util.LinkedHashMap<>(java.util.Map.of("forgotten", forgotten)), java.util.List.of());
    }

    synchronized void store(String apiKey, String key, String fingerprint, int status, String body) {
        if (status == 400 || status == 401 || status == 404) {
            return;
        }
        byKey.putIfAbsent(apiKey + "\n" + key, new Stored(fingerprint, status, body));
    }
}
