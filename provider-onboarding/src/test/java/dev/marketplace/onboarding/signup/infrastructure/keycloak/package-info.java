/** Tests of the Keycloak admin client against a local stub of the four Admin REST calls it makes. */
package dev.marketplace.onboarding.signup.infrastructure.keycloak;
