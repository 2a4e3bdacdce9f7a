package dev.marketplace.onboarding.listings.domain;

/** What can be done to a listing, and by whom: the provider acting for it, or an admin. */
public enum ListingAction {
    SUBMIT(false, "submit"),
    PAUSE(false, "pause"),
    RESUME(false, "resume"),
    RETIRE(false, "retire"),
    APPROVE(true, "approve"),
    REJECT(true, "reject"),
    SUSPEND(true, "suspend"),
    LIFT(true, "lift the suspension of");

    private final boolean adminOnly;
    private final String verb;

    ListingAction(boolean adminOnly, String verb) {
        this.adminOnly = adminOnly;
        this.verb = verb;
    }

    public boolean adminOnly() {
        return adminOnly;
    }

    public String verb() {
        return verb;
    }

    /** The audit log's action name, e.g. {@code listing.approve}. */
    public String auditAction() {
        return "listing." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
