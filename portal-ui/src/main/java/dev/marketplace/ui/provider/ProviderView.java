package dev.marketplace.ui.provider;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.ui.shell.CurrentUser;
import dev.marketplace.ui.shell.LandingContent.Part;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleLandingView;
import dev.marketplace.onboarding.dashboard.ProviderDashboard;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/** The provider's landing page: what a provider manages here (with a link to what exists), and what is not built yet. */
@Dependent
@Route(value = "provider", layout = MainLayout.class)
@PageTitle("Provider · Model Marketplace")
public class ProviderView extends RoleLandingView {

    private final ProviderDashboard dashboard;

    @Inject
    public ProviderView(ProviderDashboard dashboard) {
        super(PortalUser.PROVIDER, "Provider",
                "Here you will run your side of the marketplace: the models you sell, the endpoints that serve them and the money they earn.",
                List.of(
                        new Part("Endpoints", "the upstream URLs that serve your models, their keys stored encrypted", true),
                        new Part("Listings", "models imported from an endpoint's List Models URL, live after approval", true),
                        new Part("Health", "latency and error rates of your endpoints as the router sees them", true),
                        new Part("Payouts", "your share of each call, settled and paid out through Stripe Connect (/provider/payouts, statements at /provider/statements)", true)));
        this.dashboard = dashboard;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        super.beforeEnter(event);
        if (CurrentUser.get().filter(user -> user.hasRole(PortalUser.PROVIDER)).isPresent()) {
            Anchor endpoints = new Anchor("/provider/endpoints", "Endpoints");
            endpoints.setId("provider-endpoints-link");
            Anchor listings = new Anchor("/provider/listings", "Listings and model import");
            listings.setId("provider-listings-link");
            Anchor probes = new Anchor("/provider/probes", "Verification probes");
            probes.setId("provider-probes");
            add(endpoints, new com.vaadin.flow.component.html.Div(), listings, new com.vaadin.flow.component.html.Div(),
                    probes);
            CurrentUser.get().flatMap(user -> dashboard.providerOf(user.username())).ifPresentOrElse(
                    provider -> add(new ProviderDashboardPanel(dashboard, provider)),
                    () -> add(new Paragraph("You are not a member of a provider yet: the dashboard appears once your "
                            + "application is approved.")));
        }
    }
}
