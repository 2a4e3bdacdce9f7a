/** The provider API's use cases against a fresh PostgreSQL database: drafts, scope, earnings from posted journals. */
package dev.marketplace.onboarding.providerapi.application;
