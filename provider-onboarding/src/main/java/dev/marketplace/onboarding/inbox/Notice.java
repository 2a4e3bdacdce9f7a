package dev.marketplace.onboarding.inbox;

import java.time.Instant;

/** A notice as the inbox shows it. */
public record Notice(long id, String subject, String body, Instant at, boolean read) {
}
