/**
 * Settlement: per provider and period (UTC, by posting time, closed after a grace window) a statement whose lines
 * are sums of posted ledger lines per model and day, with the remainder below the minimum payout carried over, made
 * once per period (UNIQUE) and approved by two different finance users. Depends on billing.ledger, billing.jdbc and
 * billing.audit; which provider and model a usage was for comes through the {@code UsageAttribution} port.
 */
package dev.marketplace.billing.settlements;
