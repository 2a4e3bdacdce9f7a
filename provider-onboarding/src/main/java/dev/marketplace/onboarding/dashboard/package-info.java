/**
 * The provider dashboard's numbers for the provider the signed-in user is a member of ({@code provider_member}):
 * requests and tokens served per model and day (usage records), gross, take-rate fee and net share per model and
 * day from the posted usage journals (never recomputed at today's prices or rates), endpoint health, the running
 * balance of the next statement (the payable account) and payouts (every other journal that moves the payable).
 * Read-only SQL over the marketplace and billing tables; depends on billing's account codes and catalog.stats' rules.
 */
package dev.marketplace.onboarding.dashboard;
