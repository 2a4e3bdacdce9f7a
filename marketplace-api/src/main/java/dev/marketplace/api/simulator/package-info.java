/** The built-in simulated provider's OpenAI-compatible HTTP face, {@code /sim/v1}: the marketplace calls it over
 * loopback through the same upstream adapter as any external provider. */
package dev.marketplace.api.simulator;
