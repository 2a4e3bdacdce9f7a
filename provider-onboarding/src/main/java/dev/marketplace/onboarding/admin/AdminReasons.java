package dev.marketplace.onboarding.admin;

/** Every admin action on a provider states why, in 3 to 1,000 characters: it goes to the audit log and the provider. */
public final class AdminReasons {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 1_000;

    private AdminReasons() {
    }

    /** The reason stripped, or an {@link AdminActionException} on field {@code reason}. */
    public static String require(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_LENGTH || why.length() > MAX_LENGTH) {
            throw new AdminActionException("reason", "A reason is required (" + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters): the provider and the audit log see it");
        }
        return why;
    }
}
