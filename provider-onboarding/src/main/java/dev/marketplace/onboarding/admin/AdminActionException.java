package dev.marketplace.onboarding.admin;

/** An admin action that cannot be done as asked (bad input or wrong state); the message is for the admin. */
public class AdminActionException extends RuntimeException {

    private final String field;

    public AdminActionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the message belongs beside, or null when it is about the action as a whole. */
    public String field() {
        return field;
    }
}
