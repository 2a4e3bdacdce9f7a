package dev.marketplace.ui.provider;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.ui.shell.CurrentUser;
import dev.marketplace.ui.shell.LandingContent.Part;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleLandingView;
import jakarta.enterprise.context.Dependent;
import java.util.List;

/** The provider's landing page: what a provider manages here (with a link to what exists), and what is not built yet. */
@Dependent
@Route(value = "provider", layout = MainLayout.class)
@PageTitle("Provider · Model Marketplace")
public class ProviderView extends RoleLandingView {

    public ProviderView() {
        super(PortalUser.PROVIDER, "Provider",
                "Here you will run your side of the marketplace: the models you sell, the endpoints that serve them and the money they earn.",
                List.of(
                        new Part("Model import", "your List Models URL imported into draft listings", true),
                        new Part("Listings", "the models you offer and their prices per million tokens, live after approval", false),
                        new Part("Endpoints", "the upstream URLs that serve your models, verified before going live", false),
                        new Part("Health", "latency and error rates of your endpoints as the router sees them", false),
                        new Part("Payouts", "your share of each call, settled and paid out through Stripe Connect (/provider/payouts)", true)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        super.beforeEnter(event);
        if (CurrentUser.get().filter(user -> user.hasRole(PortalUser.PROVIDER)).isPresent()) {
            Anchor importModels = new Anchor("/provider/import", "Import models");
            importModels.setId("provider-import");
            add(importModels);
        }
    }
}
