package dev.marketplace.onboarding.tokens.application;

/** Who calls the provider API: the provider a valid token belongs to, and the token. */
public record ProviderCaller(long providerId, long tokenId) {
}
