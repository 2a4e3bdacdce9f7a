/** Price changes against a fresh PostgreSQL database: rules in the transaction, the applier, ownership. */
package dev.marketplace.onboarding.pricechanges.application;
