/**
 * {@code ./marketplace simulate-month}: a month of the marketplace in-process against a fresh database and an
 * in-process Stripe stub, through the application services (checkout, webhooks, the metering settle path), then five
 * injected discrepancies (in {@link dev.marketplace.simulation.Discrepancies}, kept apart from the generator) and the
 * reconciliation that must find exactly them. May use every module; nothing depends on it.
 */
package dev.marketplace.simulation;
