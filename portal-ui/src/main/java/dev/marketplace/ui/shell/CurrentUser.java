package dev.marketplace.ui.shell;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;

/**
 * Reads the signed-in user inside Vaadin requests. The server authenticates only on {@code /login} (not
 * proactively), so Vaadin's own requests carry no principal: the login servlet's session attribute is the source.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<PortalUser> get() {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        if (vaadinSession == null) {
            return Optional.empty();
        }
        WrappedSession session = vaadinSession.getSession();
        return session == null ? Optional.empty() : read(session.getAttribute(PortalUser.SESSION_ATTRIBUTE));
    }

    static Optional<PortalUser> read(Object attribute) {
        return attribute instanceof PortalUser user ? Optional.of(user) : Optional.empty();
    }
}
