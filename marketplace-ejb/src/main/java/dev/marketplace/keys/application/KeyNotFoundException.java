package dev.marketplace.keys.application;

/** No key with that id belongs to the caller (whether it exists for someone else is not revealed). */
public class KeyNotFoundException extends RuntimeException {
    public KeyNotFoundException(long keyId) {
        super("No API key " + keyId);
    }
}
