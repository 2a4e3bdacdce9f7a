/**
 * Outbound calls to URLs that providers give us (List Models, verification probes, and the gateway's upstream calls,
 * whose host names are judged again at every connection: decision 0025): every URL is untrusted.
 * {@link dev.marketplace.platform.outbound.UrlGuard} refuses loopback, private, link-local, CGNAT, multicast,
 * reserved and cloud-metadata destinations, checked on every address the host resolves to; {@link
 * dev.marketplace.platform.outbound.GuardedFetch} fetches through it without following redirects, with a size
 * limit and a deadline. Depends on the JDK only (plus {@code platform.Config} for the allow-list).
 */
package dev.marketplace.platform.outbound;
