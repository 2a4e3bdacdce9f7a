/** Test support for the marketplace's database tests: a fresh, migrated PostgreSQL database per test class. */
package dev.marketplace.testing;
