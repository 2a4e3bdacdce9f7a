package dev.marketplace.onboarding.signup.application;

import dev.marketplace.onboarding.signup.domain.FieldError;
import java.util.List;

/** An application or a decision that cannot be made as asked; the message (and field errors) are for the user. */
public class ApplicationException extends RuntimeException {

    private final List<FieldError> fieldErrors;

    public ApplicationException(String message) {
        this(message, List.of());
    }

    public ApplicationException(String message, Throwable cause) {
        super(message, cause);
        this.fieldErrors = List.of();
    }

    public ApplicationException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
