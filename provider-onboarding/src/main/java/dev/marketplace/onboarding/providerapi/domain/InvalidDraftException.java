package dev.marketplace.onboarding.providerapi.domain;

/** A draft listing field that breaks a rule; {@link #field()} names it. */
public class InvalidDraftException extends RuntimeException {
    private final String field;

    public InvalidDraftException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
