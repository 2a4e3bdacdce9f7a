package dev.marketplace.ui.inbox;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.inbox.Notice;
import dev.marketplace.ui.shell.SignedIn;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/** A user's notices, newest first; opening the page marks them read. */
@Dependent
@Route(value = "inbox", layout = MainLayout.class)
@PageTitle("Inbox · Model Marketplace")
public class InboxView extends Div implements BeforeEnterObserver {

    private final Inbox inbox;

    @Inject
    public InboxView(Inbox inbox) {
        this.inbox = inbox;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        SignedIn.admit(event, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        List<Notice> notices = inbox.recent(user.username());
        inbox.markAllRead(user.username());
        add(new H1("Inbox"));
        if (notices.isEmpty()) {
            add(new Paragraph("No notices yet."));
            return;
        }
        Grid<Notice> grid = new Grid<>(Notice.class, false);
        grid.setId("inbox-notices");
        grid.addColumn(notice -> Formats.time(notice.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(notice -> (notice.read() ? "" : "● ") + notice.subject()).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(Notice::body).setHeader("Notice").setFlexGrow(1);
        grid.setItems(notices);
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
