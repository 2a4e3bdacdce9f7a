/**
 * The import use case: fetch a provider's List Models document through the outbound guard, parse it, check slug
 * ownership against the registry and write every draft in one transaction, or none with a list of problems.
 * Depends on the listings domain and infrastructure, the outbound guard and billing's local transactions.
 */
package dev.marketplace.onboarding.listings.application;
