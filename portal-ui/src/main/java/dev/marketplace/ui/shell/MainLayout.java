package dev.marketplace.ui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The frame around every page: the brand, a link to each area the user's roles open, and who is signed in with a
 * way to sign out (or in). Sign-in and sign-out are full page loads, so this layout never has to change state.
 */
@Dependent
@StyleSheet("context://styles/portal.css")
public class MainLayout extends AppLayout {

    private static final Map<String, String> AREA_LABELS = Map.of(
            PortalUser.DEVELOPER, "Developer", PortalUser.PROVIDER, "Provider",
            PortalUser.FINANCE, "Finance", PortalUser.ADMIN, "Admin");

    @Inject
    public MainLayout(InboxBell inboxBell) {
        Optional<PortalUser> user = CurrentUser.get();
        Anchor brand = new Anchor("/", "Model Marketplace");
        brand.addClassName("portal-brand");

        Nav nav = new Nav();
        nav.addClassName("portal-nav");
        nav.add(new Anchor("/models", "Models"));
        user.ifPresent(u -> PortalUser.ROLES.stream().filter(u::hasRole)
                .forEach(role -> nav.add(new Anchor("/" + role, AREA_LABELS.get(role)))));
        user.filter(u -> !u.hasRole(PortalUser.PROVIDER)).ifPresent(u -> nav.add(new Anchor("/provider/apply", "Become a provider")));

        user.filter(u -> u.hasRole(PortalUser.PROVIDER)).ifPresent(u -> nav.add(new Anchor("/provider/payouts", "Payout account")));
        user.filter(u -> u.hasRole(PortalUser.DEVELOPER)).ifPresent(u -> nav.add(new Anchor("/credits", "Credits")));
        user.filter(u -> u.hasRole(PortalUser.PROVIDER)).ifPresent(u -> nav.add(new Anchor("/provider/endpoints", "Endpoints")));
        user.filter(u -> u.hasRole(PortalUser.PROVIDER)).ifPresent(u -> nav.add(new Anchor("/provider/listings", "Listings")));
        user.filter(u -> u.hasRole(PortalUser.ADMIN)).ifPresent(u -> nav.add(new Anchor("/admin/registry", "Registry")));
        user.filter(u -> u.hasRole(PortalUser.ADMIN)).ifPresent(u -> nav.add(new Anchor("/admin/listings", "Listing queue")));
        user.filter(u -> u.hasRole(PortalUser.DEVELOPER))
                .ifPresent(u -> nav.add(new Anchor("/developer/billing", "Billing")));
        user.filter(u -> u.hasRole(PortalUser.FINANCE)).ifPresent(u -> nav.add(new Anchor("/finance/reconciliation", "Reconciliation")));
        user.filter(u -> u.hasRole(PortalUser.PROVIDER)).ifPresent(u -> nav.add(new Anchor("/provider/tokens", "Provider tokens")));
        user.filter(u -> u.hasRole(PortalUser.PROVIDER)).ifPresent(u -> nav.add(new Anchor("/provider/prices", "Prices")));

        user.filter(u -> u.hasRole(PortalUser.FINANCE)).ifPresent(u -> nav.add(new Anchor("/finance/settlements", "Settlements")));
        user.filter(u -> u.hasRole(PortalUser.FINANCE)).ifPresent(u -> nav.add(new Anchor("/finance/credits", "Credit requests")));
        user.filter(u -> u.hasRole(PortalUser.PROVIDER)).ifPresent(u -> nav.add(new Anchor("/provider/statements", "Statements")));

        HorizontalLayout account = new HorizontalLayout();
        account.addClassName("portal-account");
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        if (user.isPresent()) {
            Span name = new Span(user.get().username());
            name.setId("current-user");
            account.add(inboxBell, name, fullPageLink("/logout", "Sign out", "sign-out"));
        } else {
            account.add(fullPageLink("/login", "Sign in", "sign-in"));
        }

        HorizontalLayout bar = new HorizontalLayout(brand, nav, account);
        bar.addClassName("portal-bar");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(nav);
        addToNavbar(bar);
    }

    /** A link the Vaadin router must not handle: the servlet behind it answers with redirects. */
    public static Anchor fullPageLink(String href, String text, String id) {
        Anchor link = new Anchor(href, text);
        link.setRouterIgnore(true);
        link.setId(id);
        return link;
    }
}
