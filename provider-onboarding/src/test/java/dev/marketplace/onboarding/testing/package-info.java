/** Test support: a fresh, fully migrated PostgreSQL database per test class. */
package dev.marketplace.onboarding.testing;
