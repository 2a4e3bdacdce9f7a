package dev.marketplace.billing.checkout;

/** A purchase waiting for its payer: send the browser to {@code url}. */
public record StartedCheckout(String sessionId, String url, PurchaseQuote quote) {
}
