/** Provider tokens against a fresh PostgreSQL database. */
package dev.marketplace.onboarding.tokens.application;
