/** Tests of payouts: one transfer and one journal per statement through crashes, retries and reversals. */
package dev.marketplace.billing.payouts;
