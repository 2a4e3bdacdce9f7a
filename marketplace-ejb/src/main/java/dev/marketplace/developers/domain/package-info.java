/**
 * Developers: the people who buy credits and call models, known by their Keycloak username.
 */
package dev.marketplace.developers.domain;
