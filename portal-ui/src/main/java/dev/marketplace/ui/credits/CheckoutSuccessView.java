package dev.marketplace.ui.credits;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.checkout.ConfirmCheckout;
import dev.marketplace.billing.checkout.ConfirmedCheckout;
import dev.marketplace.billing.checkout.PaymentProviderException;
import dev.marketplace.billing.checkout.UnknownCheckoutException;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Where Stripe Checkout returns after paying: asks Stripe (not the browser) whether the session is paid, credits
 * it if the webhook has not yet (same idempotency key, so never twice) and shows the new balance.
 */
@Dependent
@Route(value = "credits/success", layout = MainLayout.class)
@PageTitle("Payment received · Model Marketplace")
public class CheckoutSuccessView extends Div implements BeforeEnterObserver {

    private final DeveloperAccounts accounts;
    private final ConfirmCheckout confirm;

    @Inject
    public CheckoutSuccessView(DeveloperAccounts accounts, ConfirmCheckout confirm) {
        this.accounts = accounts;
        this.confirm = confirm;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault("session_id",
                List.of());
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(user -> build(user,
                ids.isEmpty() ? null : ids.get(0)));
    }

    private void build(PortalUser user, String sessionId) {
        long developerId = accounts.ensure(user.username(), user.email());
        Paragraph status = new Paragraph();
        status.setId("checkout-status");
        try {
            ConfirmedCheckout confirmed = confirm.confirm(developerId, sessionId);
            if (confirmed.credited()) {
                add(new H1("Thank you: your credit is in"));
                status.setText("Payment received and credited.");
            } else {
                add(new H1("Payment not complete yet"));
                status.setText("Stripe has not reported this payment as paid yet (" + confirmed.outcome().columnValue()
                        + "). The credit appears as soon as it is; nothing is lost.");
            }
        } catch (UnknownCheckoutException e) {
            add(new H1("No such purchase"));
            status.setText("This payment link is not one of your purchases.");
        } catch (PaymentProviderException e) {
            add(new H1("Could not check the payment"));
            status.setText("Stripe is not reachable right now. If you paid, your credit arrives with Stripe's"
                    + " confirmation; nothing is lost.");
        }
        Span balance = new Span(Formats.usd(accounts.summary(developerId, user.username()).balanceMicros()));
        balance.setId("balance");
        Paragraph balanceLine = new Paragraph(new Span("Balance now: "), balance);
        Anchor receipt = new Anchor("credits/receipt/" + sessionId, "Receipt");
        receipt.setId("receipt-link");
        add(status, balanceLine, new Paragraph(receipt, new Span(" · "), new Anchor("credits", "Credits"),
                new Span(" · "), new Anchor("developer", "Keys and usage")));
    }
}
