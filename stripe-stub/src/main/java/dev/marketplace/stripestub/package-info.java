/**
 * A local, in-memory server shaped like Stripe for development and tests (see the module's README): the REST calls
 * the Stripe Java SDK makes for Checkout, customers, payment methods, payment intents, charges, refunds and balance
 * transactions, a real HTML Checkout page, and signed webhook delivery with retries, duplicates, delays and
 * reordering. Depends only on the JDK's HTTP server and JSON-P; nothing of the marketplace.
 */
package dev.marketplace.stripestub;
