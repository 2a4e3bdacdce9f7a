package dev.marketplace.onboarding.endpoints.application;

/** One of the provider's endpoints as its pages show it: never the key, only its hint. */
public record EndpointSummary(long id, String name, String baseUrl, String protocol, String apiKeyHint,
                              Integer maxConcurrency, Integer maxRequestsPerMinute, String dataRetention, int timeoutMs,
                              String listModelsUrl, String status) {
}
