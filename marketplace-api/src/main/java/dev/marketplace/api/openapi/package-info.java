/**
 * Serves the OpenAPI 3.1 document of the provider API at {@code /openapi}. The document is a versioned resource
 * ({@code openapi/provider-api.json}); a unit test fails when a JAX-RS operation under {@code /provider/v1} and the
 * document disagree.
 */
package dev.marketplace.api.openapi;
