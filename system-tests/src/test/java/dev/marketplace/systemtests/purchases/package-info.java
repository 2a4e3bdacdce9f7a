/**
 * Buying credit end to end against the test stack's Stripe stub: Checkout started through the API, paid headless
 * through the stub's control endpoint, the signed webhook (also duplicated, reordered, delayed) and the success
 * redirect crediting exactly once; declines and amounts outside the limits leaving nothing.
 */
package dev.marketplace.systemtests.purchases;
