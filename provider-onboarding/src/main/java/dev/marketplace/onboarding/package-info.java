/**
 * Provider onboarding: sign-up workflow, endpoint verification probe, Stripe Connect onboarding links and listing
 * approval. Uses the catalog (marketplace-ejb) and billing's ports; nothing here yet beyond the module boundary:
 * the built-in simulator is seeded directly by the demo seed, and self-serve onboarding is its own issue.
 */
package dev.marketplace.onboarding;
