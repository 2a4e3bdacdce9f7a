/**
 * Listing use cases: import an endpoint's List Models document into draft listings (through the outbound guard,
 * slug ownership checked, all or nothing), the provider's lifecycle actions on its own listings and the admins'
 * queue (first publication, rejection, suspension), audited and notified. Depends on the listings domain and
 * infrastructure, endpoints, membership, the outbound guard, audit, inbox and billing's local transactions.
 */
package dev.marketplace.onboarding.listings.application;
