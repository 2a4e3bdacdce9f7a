package dev.marketplace.keys.application;

/** No key with that id belongs to the caller (whether it exists for someone else is not revealed). */
public class KeyNotFoundException extends KeyRequestException {
    public KeyNotFoundException(long keyId) {
        super(404, "invalid_request_error", "No API key " + keyId, null);
    }
}
