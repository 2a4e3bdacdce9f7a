package dev.marketplace.billing.checkout;

/** Port to the payment provider's hosted checkout (Stripe Checkout), implemented in billing.infrastructure.stripe. */
public interface CheckoutSessions {

    /** Creates a payment-mode session for this purchase; the payer goes to its URL. */
    CheckoutSessionState create(NewCheckoutSession session);

    /** The session as the provider knows it now. */
    CheckoutSessionState retrieve(String sessionId);
}
