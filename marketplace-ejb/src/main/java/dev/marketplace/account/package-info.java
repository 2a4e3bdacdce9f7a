/**
 * What an API key may read about itself and its developer's account, in OpenRouter's terms: the key's usage and
 * limit ({@code GET /key}), the account's credits and usage ({@code GET /credits}) and one of its generations
 * ({@code GET /generation}). Read-only; depends on keys (authentication), billing's ledger tables and metering's
 * usage records.
 */
package dev.marketplace.account;
