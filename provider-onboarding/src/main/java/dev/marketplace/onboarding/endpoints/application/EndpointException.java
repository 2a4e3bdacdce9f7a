package dev.marketplace.onboarding.endpoints.application;

import dev.marketplace.onboarding.signup.domain.FieldError;
import java.util.List;

/** An endpoint change refused; the message and the field errors are for the provider. */
public class EndpointException extends RuntimeException {

    private final List<FieldError> fieldErrors;

    public EndpointException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public EndpointException(String message) {
        this(message, List.of());
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
