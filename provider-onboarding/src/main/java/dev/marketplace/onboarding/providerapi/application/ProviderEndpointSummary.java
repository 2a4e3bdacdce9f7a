package dev.marketplace.onboarding.providerapi.application;

/** One of the provider's endpoints, as the provider API lists them (never its upstream key). */
public record ProviderEndpointSummary(long id, String name, String baseUrl, String protocol, String status) {
}
