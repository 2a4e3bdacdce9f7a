/** Tests of promotional credit grants: exact amounts, once per idempotency key. */
package dev.marketplace.billing.credits;
