package dev.marketplace.ui.provider;

import dev.marketplace.onboarding.signup.application.ApplicationSummary;
import dev.marketplace.ui.shell.Formats;

/** What the sign-up page says about the user's latest application. */
final class ApplicationStatusText {

    /** Said after approval and on the page of an approved applicant who does not hold the role yet. */
    static final String ROLE_AFTER_SIGN_IN = "The provider role shows after your next sign-in or token refresh: "
            + "sign out and in again to open the Provider area.";

    private ApplicationStatusText() {
    }

    static String describe(ApplicationSummary application) {
        return switch (application.status()) {
            case ApplicationSummary.PENDING -> "Your application for " + application.organisation() + " was sent on "
                    + Formats.time(application.submittedAt()) + " and is waiting for an administrator's review. "
                    + "You will get a notice in your inbox.";
            case ApplicationSummary.APPROVED -> "Your application for " + application.organisation() + " is approved. "
                    + ROLE_AFTER_SIGN_IN;
            case ApplicationSummary.REJECTED -> "Your application for " + application.organisation()
                    + " was not approved. Reason: " + application.decisionReason() + " You may apply again below.";
            default -> "Your application is " + application.status() + ".";
        };
    }

    /** May this user send a (new) application, given their latest one? */
    static boolean mayApply(ApplicationSummary latestOrNull) {
        return latestOrNull == null || ApplicationSummary.REJECTED.equals(latestOrNull.status());
    }
}
