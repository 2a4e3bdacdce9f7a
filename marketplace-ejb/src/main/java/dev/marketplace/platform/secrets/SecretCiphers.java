package dev.marketplace.platform.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The process's one {@link SecretCipher}, over the keys configured for it ({@link SecretKeyRing#fromConfig()}). */
@ApplicationScoped
public class SecretCiphers {

    private volatile SecretCipher cipher;

    /** Dependent-scoped: the cipher is immutable and shared; this holder is the application-scoped part. */
    @Produces
    public SecretCipher cipher() {
        SecretCipher current = cipher;
        if (current == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = new SecretCipher(SecretKeyRing.fromConfig());
                }
                current = cipher;
            }
        }
        return current;
    }
}
