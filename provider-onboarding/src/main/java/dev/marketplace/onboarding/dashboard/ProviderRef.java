package dev.marketplace.onboarding.dashboard;

/** The provider a user acts for. */
public record ProviderRef(long id, String slug, String name) {
}
