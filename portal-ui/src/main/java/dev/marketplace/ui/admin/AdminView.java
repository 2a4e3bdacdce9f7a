package dev.marketplace.ui.admin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
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

/** The administrators' landing page: what they decide here (with links to what exists), and what is not built yet. */
@Dependent
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · Model Marketplace")
public class AdminView extends RoleLandingView {

    public AdminView() {
        super(PortalUser.ADMIN, "Administration",
                "Here administrators decide who may sell on the marketplace and on what terms.",
                List.of(
                        new Part("Provider applications", "approve or reject who may sell on the marketplace", true),
                        new Part("Audit log", "every admin decision: who, what, which object, why, when", true),
                        new Part("Listing queue", "first publication of listings, suspensions", true),
                        new Part("Model registry", "the models providers may list, and their proposals", true),
                        new Part("Take rates", "the platform fee on each call per provider, effective-dated", true),
                        new Part("Suspensions", "stop a misbehaving provider or endpoint at once", true)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        super.beforeEnter(event);
        if (CurrentUser.get().filter(user -> user.hasRole(PortalUser.ADMIN)).isPresent()) {
            Anchor applications = new Anchor("/admin/providers", "Provider applications");
            applications.setId("admin-provider-applications");
            Anchor audit = new Anchor("/admin/audit", "Audit log");
            audit.setId("admin-audit-log");
            Anchor listings = new Anchor("/admin/listings", "Listing queue");
            listings.setId("admin-listing-queue");
            Anchor registry = new Anchor("/admin/registry", "Model registry");
            registry.setId("admin-model-registry");
            Anchor takeRates = new Anchor("/admin/take-rates", "Take rates");
            takeRates.setId("admin-take-rates");
            Anchor status = new Anchor("/admin/providers/status", "Suspensions");
            status.setId("admin-provider-status");
            Anchor probes = new Anchor("/provider/probes", "Verification probes (any listing by id)");
            probes.setId("admin-probes");
            Div links = new Div(applications, new Div(), audit, new Div(), listings, new Div(), registry, new Div(),
                    takeRates, new Div(), status, new Div(), probes);
            links.addClassName("portal-links");
            add(links);
        }
    }
}
