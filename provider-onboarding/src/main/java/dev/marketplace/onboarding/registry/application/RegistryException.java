package dev.marketplace.onboarding.registry.application;

import dev.marketplace.onboarding.signup.domain.FieldError;
import java.util.List;

/** A registry change refused; the message and the field errors are for the admin. */
public class RegistryException extends RuntimeException {

    private final List<FieldError> fieldErrors;

    public RegistryException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public RegistryException(String message) {
        this(message, List.of());
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
