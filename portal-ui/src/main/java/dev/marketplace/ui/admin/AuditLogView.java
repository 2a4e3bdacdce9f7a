package dev.marketplace.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.audit.AuditEntry;
import dev.marketplace.onboarding.audit.AuditLog;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The latest entries of the append-only audit log: who did what to which object, why and when. */
@Dependent
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit log · Model Marketplace")
public class AuditLogView extends Div implements BeforeEnterObserver {

    private final AuditLog auditLog;

    @Inject
    public AuditLogView(AuditLog auditLog) {
        this.auditLog = auditLog;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.ADMIN, this).ifPresent(user -> {
            Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
            grid.setId("audit-log");
            grid.addColumn(entry -> Formats.time(entry.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
            grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
            grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true);
            grid.addColumn(entry -> entry.reason() == null ? "" : entry.reason()).setHeader("Reason").setFlexGrow(1);
            grid.setItems(auditLog.recent(AuditLog.MAX_SHOWN));
            add(new H1("Audit log"), new Paragraph("The latest " + AuditLog.MAX_SHOWN + " actions, newest first. "
                    + "Entries cannot be changed or deleted (the database refuses it)."), grid);
        });
    }
}
