package dev.marketplace.ui.shell;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Optional;

/** Admits any signed-in user (whatever their roles); without one, sends the browser to sign in and come back. */
public final class SignedIn {

    private SignedIn() {
    }

    public static Optional<PortalUser> admit(BeforeEnterEvent event, HasComponents view) {
        Optional<PortalUser> user = CurrentUser.get();
        if (user.isEmpty()) {
            view.add(new Paragraph("Redirecting to sign in…"));
            String here = "/" + event.getLocation().getPathWithQueryParameters();
            event.getUI().getSession().getSession().setAttribute(ReturnPath.SESSION_ATTRIBUTE, here);
            event.getUI().getPage().setLocation(PortalUrls.login(here));
        }
        return user;
    }
}
