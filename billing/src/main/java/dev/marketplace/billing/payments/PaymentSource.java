package dev.marketplace.billing.payments;

import java.util.Locale;

/** How a credited payment came in. */
public enum PaymentSource {
    /** A Stripe Checkout purchase made by the developer in the portal. */
    CHECKOUT,
    /** An off-session charge of the developer's saved card when the balance fell below the threshold. */
    AUTO_TOP_UP;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
