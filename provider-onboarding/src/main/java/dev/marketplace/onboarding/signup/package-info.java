/**
 * Provider sign-up: a signed-in portal user applies with organisation, contact, website, country and the terms
 * accepted; an admin approves (a Provider row, its member, the {@code provider} realm role in Keycloak) or rejects
 * with a reason. Every decision is audited and told to the applicant in the inbox.
 */
package dev.marketplace.onboarding.signup;
