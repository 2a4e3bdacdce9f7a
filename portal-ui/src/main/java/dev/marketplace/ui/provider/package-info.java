/**
 * The provider's area: becoming a provider (the application form and its status, for any signed-in user), the
 * payout account (Stripe Connect onboarding, {@code /provider/payouts}), the provider's endpoints (registration with
 * the key stored encrypted), its listings (import from an endpoint's List Models URL, submit, pause, resume, retire)
 * and its landing page. Calls the onboarding module's application services only; the provider is always the
 * signed-in user's.
 */
package dev.marketplace.ui.provider;
