/**
 * Provider tokens: a provider's credentials for the provider API, hashed like developer keys, shown once, scoped to
 * the provider of the member who created them, revocable. Depends on the keys package's hashing only.
 */
package dev.marketplace.onboarding.tokens;
