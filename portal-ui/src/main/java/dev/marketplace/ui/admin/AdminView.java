package dev.marketplace.ui.admin;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.ui.shell.LandingContent.Part;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleLandingView;
import jakarta.enterprise.context.Dependent;
import java.util.List;

/** The administrators' landing page: what they will decide here, and what is not built yet. */
@Dependent
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · Model Marketplace")
public class AdminView extends RoleLandingView {

    public AdminView() {
        super(PortalUser.ADMIN, "Administration",
                "Here administrators decide who may sell on the marketplace and on what terms.",
                List.of(
                        new Part("Approvals", "new providers and their model listings, before they go live", false),
                        new Part("Take rates", "the platform fee on each call, per provider or listing", false),
                        new Part("Suspensions", "stop a misbehaving API key or provider at once", false)));
    }
}
