/**
 * A provider's upstream endpoints: registration, editing and disabling by the provider's own members, with every URL
 * through the outbound guard and the upstream key sealed before it is stored (shown again only as a hint).
 */
package dev.marketplace.onboarding.endpoints;
