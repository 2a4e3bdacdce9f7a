/**
 * Developers' payment settings around billing's money flows: auto top-up and the low-balance alert, as the
 * portal edits them ({@code application}), and the scheduler that checks balances every two seconds off the
 * hot path ({@code infrastructure}). Depends on billing.topup, billing.lowbalance and billing.ledger.
 */
package dev.marketplace.payments;
