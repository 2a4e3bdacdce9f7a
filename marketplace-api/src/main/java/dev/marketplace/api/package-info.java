/**
 * The marketplace's HTTP API, mounted at {@code /api}: OpenAI/OpenRouter-compatible inference under {@code /v1},
 * the built-in simulator under {@code /sim/v1}, and the Keycloak-guarded provider API under {@code /provider}.
 * Resources parse, call one application service and map the result; errors leave through exception mappers.
 */
package dev.marketplace.api;
