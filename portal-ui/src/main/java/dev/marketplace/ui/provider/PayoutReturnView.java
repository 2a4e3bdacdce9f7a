package dev.marketplace.ui.provider;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.payouts.application.PayoutOnboarding;
import dev.marketplace.ui.shell.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/**
 * Where Stripe sends the browser after onboarding ({@code return_url}): the payout account page, with the account
 * read from Stripe first, so the status is current even before Stripe's {@code account.updated} webhook arrives.
 */
@Dependent
@Typed(PayoutReturnView.class) // else the bean is also a PayoutAccountView, and that view's lookup is ambiguous
@Route(value = "provider/payouts/return", layout = MainLayout.class)
@PageTitle("Payout account · Model Marketplace")
public class PayoutReturnView extends PayoutAccountView {

    @Inject
    public PayoutReturnView(PayoutOnboarding onboarding) {
        super(onboarding);
    }

    @Override
    protected boolean readFromStripeFirst() {
        return true;
    }
}
