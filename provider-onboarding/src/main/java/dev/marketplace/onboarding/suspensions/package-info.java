/**
 * Admins suspend and reinstate a provider or one of its endpoints, with a reason: the status change, its audit entry
 * and a notice to the provider's members in one transaction. The status tables' triggers bump the catalog version,
 * so every node stops routing to it within about a second (listings are suspended elsewhere, by the listing
 * lifecycle). Also the admin's overview of providers and endpoints. Depends on audit, admin and billing's local
 * transactions.
 */
package dev.marketplace.onboarding.suspensions;
