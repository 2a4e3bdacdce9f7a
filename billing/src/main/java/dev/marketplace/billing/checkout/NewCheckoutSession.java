package dev.marketplace.billing.checkout;

/**
 * What billing asks the provider for: a payment for {@code quote}, by the developer's customer, with the card
 * kept for off-session use, returning to {@code successUrl} (containing {@code {CHECKOUT_SESSION_ID}}) or
 * {@code cancelUrl}.
 */
public record NewCheckoutSession(long developerId, String customerId, PurchaseQuote quote, String successUrl,
                                 String cancelUrl) {

    public static final String SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}";

    public NewCheckoutSession {
        if (developerId <= 0 || customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("a checkout needs a developer and its customer");
        }
        if (successUrl == null || !successUrl.contains(SESSION_ID_PLACEHOLDER) || cancelUrl == null) {
            throw new IllegalArgumentException("success URL with " + SESSION_ID_PLACEHOLDER + " and cancel URL needed");
        }
    }
}
