package dev.marketplace.ui.provider;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.signup.application.ApplicationSummary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApplicationStatusTextTest {

    private static ApplicationSummary application(String status, String reason) {
        return new ApplicationSummary(7, "alice", "Acme AI", "Ada", "ops@acme.example", "https://acme.example", "DE",
                status, Instant.parse("2026-11-25T10:00:00Z"), reason, status.equals("approved") ? 3L : null);
    }

    @Test
    void pendingSaysWhenAndWhatNext() {
        String text = ApplicationStatusText.describe(application(ApplicationSummary.PENDING, null));
        assertTrue(text.contains("2026-11-25 10:00:00 UTC"), text);
        assertTrue(text.contains("waiting for an administrator"), text);
        assertFalse(ApplicationStatusText.mayApply(application(ApplicationSummary.PENDING, null)));
    }

    @Test
    void approvedSaysTheRoleComesWithTheNextSignIn() {
        String text = ApplicationStatusText.describe(application(ApplicationSummary.APPROVED, null));
        assertTrue(text.contains("next sign-in or token refresh"), text);
        assertFalse(ApplicationStatusText.mayApply(application(ApplicationSummary.APPROVED, null)));
    }

    @Test
    void rejectedShowsTheReasonAndAllowsAnotherApplication() {
        String text = ApplicationStatusText.describe(application(ApplicationSummary.REJECTED, "No website."));
        assertTrue(text.contains("Reason: No website."), text);
        assertTrue(ApplicationStatusText.mayApply(application(ApplicationSummary.REJECTED, "No website.")));
        assertTrue(ApplicationStatusText.mayApply(null));
    }
}
