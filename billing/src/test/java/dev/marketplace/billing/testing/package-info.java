/**
 * Test support for billing: a throw-away PostgreSQL database per test class, migrated with the module's
 * Flyway scripts and dropped afterwards. Tests run against real PostgreSQL only, never an in-memory stand-in.
 * {@code LedgerDump} compares two databases' books line by line.
 */
package dev.marketplace.billing.testing;
