/**
 * Two-phase reservations of a developer's credit: a hold is placed before an upstream call, then settled
 * by the charge or released. A hold only raises {@code account_balance.held_micros}; it moves no money and
 * writes no journal. Plain JDBC on the caller's connection plus a CDI facade; depends on billing.jdbc only.
 */
package dev.marketplace.billing.holds;
