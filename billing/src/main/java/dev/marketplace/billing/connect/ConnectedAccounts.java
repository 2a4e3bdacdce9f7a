package dev.marketplace.billing.connect;

import java.util.Map;

/**
 * Port to the payment provider's connected accounts (Stripe Connect Express): the platform creates a provider's
 * account, sends the provider to hosted onboarding, and reads what the account may do. Implemented in
 * billing.infrastructure.stripe.
 */
public interface ConnectedAccounts {

    /**
     * Creates an Express account with the {@code transfers} capability requested. The same idempotency key returns
     * the same account (for 24 h at Stripe), so a retried or concurrent first onboarding creates one account.
     *
     * @throws ConnectedAccountException if the provider refuses or cannot be reached
     */
    String createExpressAccount(String country, String email, Map<String, String> metadata, String idempotencyKey);

    /** A fresh single-use onboarding link; an expired or used one sends the browser to {@code refreshUrl}. */
    OnboardingLink createOnboardingLink(String accountId, String refreshUrl, String returnUrl);

    /** What the account may do now, read from the provider (not from events). */
    ConnectedAccountStatus retrieve(String accountId);
}
