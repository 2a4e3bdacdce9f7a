/**
 * Tests of buying credit through Checkout webhooks against real PostgreSQL: exactly one credit per session
 * whatever the number, order or concurrency of events, with exact balances and journal counts asserted.
 */
package dev.marketplace.billing.purchases;
