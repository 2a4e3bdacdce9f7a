package dev.marketplace.credits.application;

import dev.marketplace.billing.checkout.ConfirmCheckout;
import dev.marketplace.billing.checkout.ConfirmedCheckout;
import dev.marketplace.billing.checkout.PurchaseAmounts;
import dev.marketplace.billing.checkout.StartCheckout;
import dev.marketplace.billing.checkout.StartedCheckout;
import dev.marketplace.developers.domain.Developer;
import dev.marketplace.keys.application.KeyCallers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A credit purchase started and confirmed by an API key's developer: the payer pays on the returned Checkout URL
 * and comes back to the portal's Credits pages on {@code portalOrigin}.
 */
@ApplicationScoped
public class BuyCredits {

    public static final String SUCCESS_PATH = "/credits/success?session_id={CHECKOUT_SESSION_ID}";
    public static final String CANCEL_PATH = "/credits/cancel";

    @Inject
    KeyCallers callers;
    @Inject
    StartCheckout start;
    @Inject
    ConfirmCheckout confirm;
    @PersistenceContext(unitName = "market")
    EntityManager em;

    /** @throws dev.marketplace.billing.checkout.InvalidPurchaseException for an amount outside $5–$10,000 */
    public StartedCheckout start(String authorization, String amountUsd, String portalOrigin) {
        long developerId = callers.apiKey(authorization).developerId();
        long cents = PurchaseAmounts.parseUsd(amountUsd);
        Developer developer = em.find(Developer.class, developerId);
        String email = developer == null ? null : developer.getEmail();
        return start.start(developerId, email, cents, portalOrigin + SUCCESS_PATH, portalOrigin + CANCEL_PATH);
    }

    /** @throws dev.marketplace.billing.checkout.UnknownCheckoutException if it is not this developer's session */
    public ConfirmedCheckout confirm(String authorization, String sessionId) {
        return confirm.confirm(callers.apiKey(authorization).developerId(), sessionId);
    }
}
