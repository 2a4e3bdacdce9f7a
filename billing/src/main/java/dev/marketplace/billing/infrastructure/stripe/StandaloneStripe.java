package dev.marketplace.billing.infrastructure.stripe;

import dev.marketplace.billing.checkout.CheckoutSessions;
import dev.marketplace.billing.checkout.PaymentCustomers;
import dev.marketplace.billing.payouts.TransferGateway;
import dev.marketplace.billing.reconciliation.BalanceTransactions;

/**
 * Billing's Stripe adapters without a container, pointed at a Stripe stub: for the month simulator
 * ({@code ./marketplace simulate-month}), which runs the application services in-process. Never real Stripe.
 */
public final class StandaloneStripe {

    private final StripeAccess access;

    /** @param stubApiBase the stub's base URL, e.g. {@code http://127.0.0.1:12111} */
    public StandaloneStripe(String stubApiBase) {
        this.access = new StripeAccess(new StripeConnection(StripeConnection.LOCAL_KEY, stubApiBase));
    }

    public CheckoutSessions checkoutSessions() {
        return new StripeCheckoutSessions(access);
    }

    public PaymentCustomers customers() {
        return new StripeCustomers(access);
    }

    public TransferGateway transfers() {
        return new StripeTransfers(access);
    }

    public BalanceTransactions balanceTransactions() {
        return new StripeBalanceTransactions(access);
    }
}
