/**
 * Tests of the Stripe adapter with events the tests write and sign themselves (HMAC-SHA256 computed here, not
 * by the SDK): signature checks, tolerance, and the mapping of SDK events to billing's records.
 */
package dev.marketplace.billing.infrastructure.stripe;
