/**
 * Plain JDBC over {@code provider_application}, {@code provider} and {@code provider_member}, on connections lent by
 * the caller's transaction. The Keycloak admin client lives in the {@code keycloak} sub-package.
 */
package dev.marketplace.onboarding.signup.infrastructure;
