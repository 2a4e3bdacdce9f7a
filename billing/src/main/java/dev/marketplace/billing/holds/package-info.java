/**
 * Two-phase reservations of a developer's credit: a hold is placed before an upstream call, then settled
 * by the charge or released. A hold only raises {@code account_balance.held_micros}; it moves no money and
 * writes no journal. Plain JDBC on the caller's connection plus a CDI facade; depends on billing.jdbc only.
 * {@code BatchHoldStore} places a whole group-committed batch of holds in three statements, with the same
 * result as {@code HoldStore.place} item by item.
 */
package dev.marketplace.billing.holds;
