/**
 * Keycloak's Admin REST API, reached with the JDK's HttpClient (the admin client library would drag its own RESTEasy
 * and Jackson into the EAR): a confidential service-account client ({@code marketplace-admin} in the realm JSON)
 * gets a token with the client-credentials grant and maps realm roles to users. The only place that knows Keycloak's
 * admin API.
 */
package dev.marketplace.onboarding.signup.infrastructure.keycloak;
