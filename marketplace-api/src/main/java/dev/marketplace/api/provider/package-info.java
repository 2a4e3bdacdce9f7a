/** The provider-facing API under {@code /provider}, guarded by Keycloak bearer tokens (role provider or admin). */
package dev.marketplace.api.provider;
