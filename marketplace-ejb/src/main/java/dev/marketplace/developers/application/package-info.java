/**
 * Use cases around a developer's account: find or create it on first sight and summarise its balance from the
 * ledger. Depends on billing's ledger and on developers.domain.
 */
package dev.marketplace.developers.application;
