package dev.marketplace.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import dev.marketplace.onboarding.inbox.Inbox;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The inbox link in the top bar with a badge of the signed-in user's unread count, refreshed on navigation. (Text, not
 * a bell glyph: headless and minimal Linux browsers lack an emoji font.)
 */
@Dependent
public class InboxBell extends Anchor implements AfterNavigationObserver {

    private final Inbox inbox;
    private final Span badge = new Span();

    @Inject
    public InboxBell(Inbox inbox) {
        this.inbox = inbox;
        setHref("/inbox");
        setId("inbox-bell");
        getElement().setAttribute("aria-label", "Inbox");
        badge.setId("inbox-unread");
        badge.addClassName("portal-badge");
        add(new Span("Inbox"), badge);
        refresh();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    public void refresh() {
        int unread = CurrentUser.get().map(PortalUser::username).map(inbox::unreadCount).orElse(0);
        badge.setText(label(unread));
        badge.setVisible(unread > 0);
    }

    static String label(int unread) {
        return unread > 99 ? "99+" : Integer.toString(unread);
    }
}
