package dev.marketplace.onboarding.signup.domain;

/** A form field and what is wrong with it, as the form shows it beside the field. */
public record FieldError(String field, String message) {
}
