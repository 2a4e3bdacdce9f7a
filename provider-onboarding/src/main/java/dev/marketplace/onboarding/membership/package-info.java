/**
 * Who acts for which provider ({@code provider_member}): every provider-facing service derives the provider it acts
 * for from the signed-in user through here, never from an id in the request. Plain JDBC on the caller's connection.
 */
package dev.marketplace.onboarding.membership;
