package dev.marketplace.onboarding.signup.application;

import java.time.Instant;

/** An application as the applicant and the admin queue see it. */
public record ApplicationSummary(long id, String username, String organisation, String contactName, String contactEmail,
                                 String website, String country, String status, Instant submittedAt,
                                 String decisionReason, Long providerId) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    public boolean pending() {
        return PENDING.equals(status);
    }
}
