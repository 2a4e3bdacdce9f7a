/**
 * OpenRouter's account endpoints for an API key: {@code GET /api/v1/key}, {@code /credits} and {@code /generation}.
 * Money leaves as USD numbers with six decimals. Depends on account.application and api.keys (shared JSON helpers).
 */
package dev.marketplace.api.account;
