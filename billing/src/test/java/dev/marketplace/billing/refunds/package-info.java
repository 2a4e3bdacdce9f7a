/** Tests of refund reversals through the webhook receiver, on a real PostgreSQL. */
package dev.marketplace.billing.refunds;
