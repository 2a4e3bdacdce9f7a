/**
 * Endpoint use cases for a signed-in provider member: list, register, edit, disable, enable, and the import's view
 * of one endpoint (its List Models URL and opened key). Depends on the endpoint domain and store, the outbound guard,
 * provider membership and marketplace-ejb's secret cipher.
 */
package dev.marketplace.onboarding.endpoints.application;
