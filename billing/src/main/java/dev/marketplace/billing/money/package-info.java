/**
 * Money as {@code long} micro-USD (1 = 0.000001 USD): the one place where prices become costs and
 * gross amounts are split into fee and share, each with a single, table-tested rounding step.
 * Pure functions with exact arithmetic; depends on nothing but the JDK.
 */
package dev.marketplace.billing.money;
