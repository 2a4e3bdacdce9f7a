package dev.marketplace.onboarding.signup.infrastructure.keycloak;

/** Keycloak did not grant the role; the approval that asked for it is rolled back. */
public class RoleGrantException extends RuntimeException {
    public RoleGrantException(String message) {
        super(message);
    }

    public RoleGrantException(String message, Throwable cause) {
        super(message, cause);
    }
}
