package dev.marketplace.onboarding.tokens.application;

/** A token just created: the only moment its secret is known. */
public record IssuedToken(ProviderToken token, String secret) {
}
