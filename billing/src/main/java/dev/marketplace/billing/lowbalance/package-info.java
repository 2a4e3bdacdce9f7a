/**
 * Low-balance alerts: a threshold per developer; the portal shows a notice while the available credit is below
 * it, and {@link dev.marketplace.billing.lowbalance.LowBalanceNotifier} (an e-mail hook; the default only logs)
 * is told once per crossing, re-armed when the credit is back at or above the threshold. Checked by a scheduler
 * off the hot path. Depends on billing.jdbc.
 */
package dev.marketplace.billing.lowbalance;
