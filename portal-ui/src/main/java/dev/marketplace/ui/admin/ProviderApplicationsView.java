package dev.marketplace.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.signup.application.ApplicationException;
import dev.marketplace.onboarding.signup.application.ApplicationSummary;
import dev.marketplace.onboarding.signup.application.ProviderApprovals;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/** The admin queue of provider applications, oldest first: approve, or reject with a reason. */
@Dependent
@Route(value = "admin/providers", layout = MainLayout.class)
@PageTitle("Provider applications · Model Marketplace")
public class ProviderApplicationsView extends Div implements BeforeEnterObserver {

    private final ProviderApprovals approvals;
    private final Grid<ApplicationSummary> grid = new Grid<>(ApplicationSummary.class, false);
    private final Paragraph empty = new Paragraph("No applications are waiting.");
    private PortalUser admin;

    @Inject
    public ProviderApplicationsView(ProviderApprovals approvals) {
        this.approvals = approvals;
        addClassName("portal-page");
        grid.setId("provider-applications");
        // the decision first and frozen: on a narrow screen the other columns scroll, the buttons stay in view
        grid.addComponentColumn(this::actions).setHeader("Decision").setAutoWidth(true).setFrozen(true);
        grid.addColumn(ApplicationSummary::organisation).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(ApplicationSummary::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(a -> a.contactName() + " <" + a.contactEmail() + ">").setHeader("Contact").setAutoWidth(true);
        grid.addColumn(ApplicationSummary::website).setHeader("Website").setAutoWidth(true);
        grid.addColumn(ApplicationSummary::country).setHeader("Country").setAutoWidth(true);
        grid.addColumn(a -> Formats.time(a.submittedAt())).setHeader("Submitted").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setId("provider-applications-empty");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.ADMIN, this).ifPresent(user -> {
            admin = user;
            add(new H1("Provider applications"), new Paragraph("Approving creates the provider, grants the user the "
                    + "provider role in Keycloak (seen after their next sign-in) and tells them in their inbox. Every "
                    + "decision is in the audit log."), new com.vaadin.flow.component.html.Anchor("/admin/providers/status",
                    "Suspend or reinstate providers and endpoints"), new Paragraph(), empty, grid);
            refresh();
        });
    }

    private HorizontalLayout actions(ApplicationSummary application) {
        Button approve = new Button("Approve", click -> decide(() -> {
            approvals.approve(application.id(), admin.username());
            return "Approved " + application.organisation() + "; " + application.username()
                    + " sees the provider role after their next sign-in";
        }));
        approve.setId("approve-" + application.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        Button reject = new Button("Reject…", click -> new RejectDialog(application, reason -> {
            approvals.reject(application.id(), admin.username(), reason);
            Notification.show("Rejected " + application.organisation());
            refresh();
        }).open());
        reject.setId("reject-" + application.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(approve, reject);
    }

    private void decide(java.util.function.Supplier<String> decision) {
        try {
            Notification.show(decision.get(), 5_000, Notification.Position.BOTTOM_START);
        } catch (ApplicationException e) {
            Notification.show(e.getMessage(), 8_000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void refresh() {
        List<ApplicationSummary> pending = approvals.pending();
        grid.setItems(pending);
        grid.setVisible(!pending.isEmpty());
        empty.setVisible(pending.isEmpty());
    }
}
