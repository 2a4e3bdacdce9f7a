package dev.marketplace.ui.provider;

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
import dev.marketplace.onboarding.endpoints.application.EndpointException;
import dev.marketplace.onboarding.endpoints.application.EndpointSummary;
import dev.marketplace.onboarding.endpoints.application.ProviderEndpoints;
import dev.marketplace.onboarding.membership.NotAProviderMemberException;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * A provider's upstream endpoints: register one (URLs checked by the outbound guard, the key stored encrypted and
 * shown again only as its last four characters), edit, disable or enable. The provider is the signed-in user's.
 */
@Dependent
@Route(value = "provider/endpoints", layout = MainLayout.class)
@PageTitle("Endpoints · Model Marketplace")
public class EndpointsView extends Div implements BeforeEnterObserver {

    private final ProviderEndpoints endpoints;
    private final Grid<EndpointSummary> grid = new Grid<>(EndpointSummary.class, false);
    private EndpointFormPanel form;
    private String username;

    @Inject
    public EndpointsView(ProviderEndpoints endpoints) {
        this.endpoints = endpoints;
        addClassName("portal-page");
        grid.setId("provider-endpoints");
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFrozen(true);
        grid.addColumn(EndpointSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(EndpointSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(EndpointSummary::baseUrl).setHeader("Base URL").setAutoWidth(true);
        grid.addColumn(EndpointSummary::protocol).setHeader("Protocol").setAutoWidth(true);
        grid.addColumn(e -> e.apiKeyHint() == null ? "none" : e.apiKeyHint()).setHeader("Key").setAutoWidth(true);
        grid.addColumn(e -> limit(e.maxConcurrency()) + " / " + limit(e.maxRequestsPerMinute())).setHeader("Concurrency / rpm");
        grid.addColumn(EndpointSummary::dataRetention).setHeader("Retention").setAutoWidth(true);
        grid.addColumn(e -> e.listModelsUrl() == null ? "" : e.listModelsUrl()).setHeader("List Models URL").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(user -> {
            username = user.username();
            add(new H1("Endpoints"));
            try {
                grid.setItems(endpoints.list(username));
            } catch (NotAProviderMemberException e) {
                add(new Paragraph(e.getMessage()));
                return;
            }
            form = new EndpointFormPanel((editing, submitted) -> {
                if (editing == null) {
                    endpoints.register(username, submitted);
                    refresh();
                    return "Registered " + submitted.name() + ". Import its models on the Listings page.";
                }
                endpoints.update(username, editing, submitted);
                refresh();
                return "Saved " + submitted.name() + ".";
            });
            add(new Paragraph("Your upstream endpoints. Only public addresses can be registered; the API key is sent "
                    + "upstream as a bearer token (OpenAI-compatible) or x-api-key (Anthropic)."), grid, form);
        });
    }

    private HorizontalLayout actions(EndpointSummary endpoint) {
        Button edit = new Button("Edit", click -> form.edit(endpoint));
        edit.setId("edit-endpoint-" + endpoint.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        boolean active = "active".equals(endpoint.status());
        Button toggle = new Button(active ? "Disable" : "Enable", click -> act(() -> {
            if (active) {
                endpoints.disable(username, endpoint.id());
            } else {
                endpoints.enable(username, endpoint.id());
            }
        }));
        toggle.setId((active ? "disable-endpoint-" : "enable-endpoint-") + endpoint.id());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        toggle.setEnabled(!"suspended".equals(endpoint.status()));
        return new HorizontalLayout(edit, toggle);
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (EndpointException e) {
            Notification.show(e.getMessage(), 8_000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(endpoints.list(username));
    }

    private static String limit(Integer value) {
        return value == null ? "∞" : value.toString();
    }
}
