package dev.marketplace.ui.credits;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;

/** Where Stripe Checkout returns when the payer cancels: nothing was charged. */
@Dependent
@Route(value = "credits/cancel", layout = MainLayout.class)
@PageTitle("Purchase cancelled · Model Marketplace")
public class CheckoutCancelView extends Div implements BeforeEnterObserver {

    public CheckoutCancelView() {
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(user -> {
            Paragraph text = new Paragraph("You cancelled the payment: nothing was charged and your balance is"
                    + " unchanged.");
            text.setId("checkout-status");
            add(new H1("Purchase cancelled"), text, new Paragraph(new Anchor("credits", "Back to Credits")));
        });
    }
}
