/**
 * Outbound calls to URLs that providers give us (List Models, later the verification probe): every URL is untrusted.
 * {@link dev.marketplace.onboarding.outbound.UrlGuard} refuses loopback, private, link-local, CGNAT, multicast,
 * reserved and cloud-metadata destinations, checked on every address the host resolves to; {@link
 * dev.marketplace.onboarding.outbound.GuardedFetch} fetches through it without following redirects, with a size
 * limit and a deadline. Depends on the JDK only (plus {@code platform.Config} for the allow-list).
 */
package dev.marketplace.onboarding.outbound;
