package dev.marketplace.ui.provider;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.connect.OnboardingLink;
import dev.marketplace.onboarding.payouts.application.PayoutAccountException;
import dev.marketplace.onboarding.payouts.application.PayoutOnboarding;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Where Stripe sends the browser when an onboarding link expired or was used ({@code refresh_url}): a fresh link is
 * made for the signed-in member's provider and the browser goes straight back to Stripe.
 */
@Dependent
@Route(value = "provider/payouts/refresh", layout = MainLayout.class)
@PageTitle("Payout account · Model Marketplace")
public class PayoutRefreshView extends Div implements BeforeEnterObserver {

    private final PayoutOnboarding onboarding;

    @Inject
    public PayoutRefreshView(PayoutOnboarding onboarding) {
        this.onboarding = onboarding;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(user -> {
            add(new H1("Payout account"));
            String origin = PortalUrls.currentOrigin();
            try {
                OnboardingLink link = onboarding.startOnboarding(user.username(),
                        origin + PayoutAccountView.REFRESH_PATH, origin + PayoutAccountView.RETURN_PATH);
                add(new Paragraph("Your onboarding link had expired; taking you back to Stripe with a new one…"));
                event.getUI().getPage().setLocation(link.url());
            } catch (PayoutAccountException e) {
                Paragraph error = new Paragraph(e.getMessage());
                error.setId("payout-error");
                add(error, new Anchor("/provider/payouts", "Back to Payout account"));
            }
        });
    }
}
