package dev.marketplace.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.registry.application.ModelRegistry;
import dev.marketplace.onboarding.registry.application.RegistryException;
import dev.marketplace.onboarding.registry.application.RegistryModel;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The model registry curated by admins: providers' proposals (accept, claiming a free author namespace for the
 * proposer; or reject with a reason), the registry's models (edit) and a form to add one. Every action is audited.
 */
@Dependent
@Route(value = "admin/registry", layout = MainLayout.class)
@PageTitle("Model registry · Model Marketplace")
public class RegistryView extends Div implements BeforeEnterObserver {

    private final ModelRegistry registry;
    private final Grid<RegistryModel> proposals = grid("registry-proposals");
    private final Grid<RegistryModel> models = grid("registry-models");
    private final Paragraph message = new Paragraph();
    private ModelFormPanel form;
    private String admin;

    @Inject
    public RegistryView(ModelRegistry registry) {
        this.registry = registry;
        addClassName("portal-page");
        message.setId("registry-message");
        proposals.addComponentColumn(this::decisions).setHeader("Decision").setAutoWidth(true).setFrozen(true);
        proposals.addColumn(RegistryModel::proposedBy).setHeader("Proposed by").setAutoWidth(true);
        models.addComponentColumn(this::editButton).setHeader("").setAutoWidth(true).setFrozen(true);
        for (Grid<RegistryModel> grid : java.util.List.of(proposals, models)) {
            grid.addColumn(RegistryModel::slug).setHeader("Slug").setAutoWidth(true);
            grid.addColumn(RegistryModel::name).setHeader("Name").setAutoWidth(true);
            grid.addColumn(m -> String.join(", ", m.inputModalities()) + " → " + String.join(", ", m.outputModalities()))
                    .setHeader("Modalities").setAutoWidth(true);
            grid.addColumn(RegistryModel::contextLength).setHeader("Context").setAutoWidth(true);
            grid.addColumn(RegistryModel::maxOutputTokens).setHeader("Max output").setAutoWidth(true);
        }
    }

    private static Grid<RegistryModel> grid(String id) {
        Grid<RegistryModel> grid = new Grid<>(RegistryModel.class, false);
        grid.setId(id);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.ADMIN, this).ifPresent(user -> {
            admin = user.username();
            form = new ModelFormPanel((editing, submitted) -> {
                if (editing == null) {
                    registry.create(admin, submitted);
                } else {
                    registry.update(admin, editing, submitted);
                }
                refresh();
                return "Saved " + submitted.slug() + ".";
            });
            add(new H1("Model registry"), message, new H2("Proposals from providers"), proposals,
                    new H2("Models"), models, form);
            refresh();
        });
    }

    private HorizontalLayout decisions(RegistryModel model) {
        Button accept = new Button("Accept", click -> decide(() -> registry.accept(admin, model.id()))
                .ifPresentOrElse(message::setText, () -> message.setText("Accepted " + model.slug() + ".")));
        accept.setId("accept-model-" + model.id());
        accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        Button reject = new Button("Reject…", click -> new ReasonDialog("Reject " + model.slug(), "Reject",
                reason -> decide(() -> registry.reject(admin, model.id(), reason))).open());
        reject.setId("reject-model-" + model.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(accept, reject);
    }

    private Button editButton(RegistryModel model) {
        Button edit = new Button("Edit", click -> form.edit(model));
        edit.setId("edit-model-" + model.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return edit;
    }

    private Optional<String> decide(Runnable decision) {
        try {
            decision.run();
            refresh();
            return Optional.empty();
        } catch (RegistryException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void refresh() {
        proposals.setItems(registry.proposals());
        models.setItems(registry.models());
    }
}
