package dev.marketplace.billing.checkout;

/** No such Checkout Session for this developer (absent, or another developer's: the two look the same). */
public class UnknownCheckoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownCheckoutException(String sessionId) {
        super("No purchase " + sessionId + " for this developer");
    }
}
