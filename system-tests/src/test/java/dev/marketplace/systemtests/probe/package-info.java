/**
 * The verification probe and the provider self-test end to end: upstream stubs served by the test on ports
 * 18230–18233 (honest, lying about usage, breaking its stream, down; allow-listed by the test stack), listings written
 * into the test database, the re-probe timer running every few seconds ({@code MARKET_PROBE_INTERVAL} of the test
 * stack), and a provider member's own key calling its pending listing at zero cost.
 */
package dev.marketplace.systemtests.probe;
