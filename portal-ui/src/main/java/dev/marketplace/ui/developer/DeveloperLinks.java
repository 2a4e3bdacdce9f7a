package dev.marketplace.ui.developer;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/** The links between the developer's pages: overview, keys, activity and credits. */
final class DeveloperLinks {

    private DeveloperLinks() {
    }

    static Nav create() {
        Nav links = new Nav(link("developer", "Overview", "link-developer"), link("keys", "API keys", "link-keys"),
                link("activity", "Activity", "link-activity"),
                link(BalanceBanner.CREDITS_ROUTE, "Credits", "link-credits"));
        links.addClassName("portal-links");
        return links;
    }

    private static Anchor link(String route, String text, String id) {
        Anchor anchor = new Anchor(route, text);
        anchor.setId(id);
        return anchor;
    }
}
