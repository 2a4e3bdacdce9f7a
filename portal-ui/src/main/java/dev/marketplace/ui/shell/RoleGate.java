package dev.marketplace.ui.shell;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Optional;

/**
 * Admits a signed-in user with the view's role. Without a user it sends the browser to {@code /login} with a
 * full page load (that path is where the OpenID Connect redirect happens); with the wrong role it says so.
 */
public final class RoleGate {

    private RoleGate() {
    }

    /** The user when admitted; otherwise empty, after putting an explanation into {@code view}. */
    public static Optional<PortalUser> admit(BeforeEnterEvent event, String role, HasComponents view) {
        Optional<PortalUser> user = CurrentUser.get();
        if (user.isEmpty()) {
            view.add(new Paragraph("Redirecting to sign in…"));
            String here = "/" + event.getLocation().getPathWithQueryParameters();
            event.getUI().getSession().getSession().setAttribute(ReturnPath.SESSION_ATTRIBUTE, here);
            event.getUI().getPage().setLocation(PortalUrls.login(here));
            return Optional.empty();
        }
        if (!user.get().hasRole(role)) {
            view.add(new H2("Not for your role"),
                    new Paragraph("This page is for the " + role + " role. You are signed in as "
                            + user.get().username() + " with " + describe(user.get()) + "."));
            return Optional.empty();
        }
        return user;
    }

    private static String describe(PortalUser user) {
        return user.roles().isEmpty() ? "no portal role" : "the role(s) " + String.join(", ", user.roles().stream().sorted().toList());
    }
}
