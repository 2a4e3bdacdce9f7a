package dev.marketplace.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.List;

/**
 * A landing page for one role: admits only users with that role (RoleGate) and says what is theirs, using
 * {@link LandingContent}. Subclasses name the role and the content.
 */
public abstract class RoleLandingView extends Div implements BeforeEnterObserver {
    private final String role;
    private final String title;
    private final String intro;
    private final List<LandingContent.Part> parts;

    protected RoleLandingView(String role, String title, String intro, List<LandingContent.Part> parts) {
        this.role = role;
        this.title = title;
        this.intro = intro;
        this.parts = List.copyOf(parts);
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, role, this).ifPresent(user -> add(new LandingContent(title, user, intro, parts)));
    }
}
