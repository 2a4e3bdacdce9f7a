/**
 * The provider API under {@code /provider/v1} (context root {@code /api}): listings, draft edits, price changes,
 * endpoint health and earnings, authenticated by provider tokens ({@code pk-mk-v1-…}) and scoped to the token's
 * provider; {@code /provider/v1/me} alone is guarded by Keycloak bearer tokens (role provider or admin). Described
 * by the OpenAPI document at {@code /openapi}. Resources parse, call one application service and map to JSON.
 */
package dev.marketplace.api.provider;
