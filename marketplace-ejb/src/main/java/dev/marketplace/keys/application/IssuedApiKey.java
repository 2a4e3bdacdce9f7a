package dev.marketplace.keys.application;

/** A freshly issued key: the only moment its secret exists outside the caller's hands. */
public record IssuedApiKey(ApiKeySummary key, String secret) {
}
