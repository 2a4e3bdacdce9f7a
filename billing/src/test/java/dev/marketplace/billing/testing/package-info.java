/**
 * Test support for billing: a throw-away PostgreSQL database per test class, migrated with the module's
 * Flyway scripts and dropped afterwards. Tests run against real PostgreSQL only, never an in-memory stand-in.
 */
package dev.marketplace.billing.testing;
