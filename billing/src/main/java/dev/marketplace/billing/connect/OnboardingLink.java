package dev.marketplace.billing.connect;

import java.time.Instant;

/** A hosted onboarding page's address, valid once and until {@code expiresAt}. */
public record OnboardingLink(String url, Instant expiresAt) {
}
