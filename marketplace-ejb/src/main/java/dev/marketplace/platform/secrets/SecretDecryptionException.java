package dev.marketplace.platform.secrets;

/** A sealed secret that cannot be opened: tampered with, sealed for another context, or by a key we do not hold. */
public class SecretDecryptionException extends RuntimeException {
    public SecretDecryptionException(String message) {
        super(message);
    }

    public SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
