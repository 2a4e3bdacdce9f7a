/**
 * The provider's area: becoming a provider (the application form and its status, for any signed-in user), the
 * payout account (Stripe Connect onboarding, {@code /provider/payouts}), and the provider's landing page (listings, endpoints, health and payouts are not built yet). Calls the onboarding module's
 * application services only.
 */
package dev.marketplace.ui.provider;
