package dev.marketplace.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.suspensions.ProviderOverview;
import dev.marketplace.onboarding.suspensions.Suspensions;
import dev.marketplace.onboarding.takerates.TakeRates;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * Providers and their endpoints as admins manage them ({@code /admin/providers/status}): suspend or reinstate either,
 * always with a reason (audited, told to the provider). Traffic stops on every node within about two seconds.
 */
@Dependent
@Route(value = "admin/providers/status", layout = MainLayout.class)
@PageTitle("Provider status · Model Marketplace")
public class ProviderStatusView extends Div implements BeforeEnterObserver {

    private final Suspensions suspensions;
    private final Grid<Row> grid = new Grid<>(Row.class, false);
    private PortalUser admin;

    /** A provider or one of its endpoints, as one grid row. */
    record Row(ProviderOverview provider, ProviderOverview.Endpoint endpoint) {
        String id() {
            return endpoint == null ? "provider-" + provider.id() : "endpoint-" + endpoint.id();
        }

        String status() {
            return endpoint == null ? provider.status() : endpoint.status();
        }
    }

    @Inject
    public ProviderStatusView(Suspensions suspensions) {
        this.suspensions = suspensions;
        addClassName("portal-page");
        grid.setId("provider-status");
        grid.addComponentColumn(this::action).setHeader("Action").setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> r.endpoint() == null ? r.provider().name() + " (" + r.provider().slug() + ")"
                : "\u2003endpoint " + r.endpoint().name() + " \u00b7 " + r.endpoint().baseUrl()).setHeader("Provider / endpoint")
                .setAutoWidth(true);
        grid.addColumn(Row::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.endpoint() == null ? TakeRates.percent(r.provider().takeRateBps()) : "")
                .setHeader("Take rate").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.ADMIN, this).ifPresent(user -> {
            admin = user;
            add(new H1("Provider status"), new Paragraph("A suspended provider or endpoint receives no traffic on any "
                    + "node within about two seconds; its members are told why. Listings are suspended on the listing "
                    + "pages."), new Anchor("/admin/providers", "Applications"), new Anchor("/admin/take-rates",
                    "Take rates"), grid);
            refresh();
        });
    }

    private Button action(Row row) {
        boolean suspended = Suspensions.SUSPENDED.equals(row.status());
        String what = row.endpoint() == null ? "provider " + row.provider().name() : "endpoint " + row.endpoint().name();
        Consumer<String> act = reason -> {
            if (row.endpoint() == null) {
                if (suspended) {
                    suspensions.reinstateProvider(row.provider().id(), reason, admin.username());
                } else {
                    suspensions.suspendProvider(row.provider().id(), reason, admin.username());
                }
            } else if (suspended) {
                suspensions.reinstateEndpoint(row.endpoint().id(), reason, admin.username());
            } else {
                suspensions.suspendEndpoint(row.endpoint().id(), reason, admin.username());
            }
        };
        Button button = new Button(suspended ? "Reinstate\u2026" : "Suspend\u2026", click ->
                new ActionReasonDialog((suspended ? "Reinstate " : "Suspend ") + what, suspended ? "Reinstate" : "Suspend",
                        reason -> {
                            act.accept(reason);
                            Notification.show((suspended ? "Reinstated " : "Suspended ") + what);
                            refresh();
                        }).open());
        button.setId((suspended ? "reinstate-" : "suspend-") + row.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, suspended ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        return button;
    }

    private void refresh() {
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (ProviderOverview p : suspensions.overview()) {
            rows.add(new Row(p, null));
            p.endpoints().forEach(e -> rows.add(new Row(p, e)));
        }
        grid.setItems(rows);
    }
}
