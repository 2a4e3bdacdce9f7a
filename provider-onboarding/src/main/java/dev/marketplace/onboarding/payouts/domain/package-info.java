/**
 * Pure rules of the payout account: whether a state observed at a Stripe time may replace the kept one, and which
 * inbox notices a change deserves. No I/O; depends only on billing.connect's status record.
 */
package dev.marketplace.onboarding.payouts.domain;
