package dev.marketplace.ui.provider;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.endpoints.application.EndpointSummary;
import dev.marketplace.onboarding.endpoints.application.ProviderEndpoints;
import dev.marketplace.onboarding.listings.application.ImportReport;
import dev.marketplace.onboarding.listings.application.ListingException;
import dev.marketplace.onboarding.listings.application.ListingImports;
import dev.marketplace.onboarding.listings.application.ProviderListing;
import dev.marketplace.onboarding.listings.application.ProviderListings;
import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.onboarding.listings.domain.ListingAction;
import dev.marketplace.onboarding.listings.domain.ListingTransitionException;
import dev.marketplace.onboarding.membership.NotAProviderMemberException;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * A provider's listings: import an endpoint's List Models document into draft listings (all or nothing, every
 * problem by item and field), then each listing with its status, prices and latest probe, and the actions its
 * status allows (submit for approval, pause, resume, retire).
 */
@Dependent
@Route(value = "provider/listings", layout = MainLayout.class)
@PageTitle("Listings · Model Marketplace")
public class ListingsView extends Div implements BeforeEnterObserver {

    private static final Map<String, List<ListingAction>> ACTIONS = Map.of(
            "draft", List.of(ListingAction.SUBMIT, ListingAction.RETIRE),
            "pending", List.of(ListingAction.RETIRE),
            "live", List.of(ListingAction.PAUSE, ListingAction.RETIRE),
            "paused", List.of(ListingAction.RESUME, ListingAction.RETIRE));

    private final ListingImports imports;
    private final ProviderListings listings;
    private final ProviderEndpoints endpoints;
    private final Grid<ProviderListing> grid = new Grid<>(ProviderListing.class, false);
    private final Div result = new Div();
    private final Paragraph message = new Paragraph();
    private String username;

    @Inject
    public ListingsView(ListingImports imports, ProviderListings listings, ProviderEndpoints endpoints) {
        this.imports = imports;
        this.listings = listings;
        this.endpoints = endpoints;
        addClassName("portal-page");
        result.setId("import-result");
        message.setId("listing-message");
        grid.setId("provider-listings");
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFrozen(true);
        grid.addColumn(ProviderListing::modelSlug).setHeader("Model").setAutoWidth(true);
        grid.addColumn(l -> l.status() + (l.statusReason() == null ? "" : " (" + l.statusReason() + ")")).setHeader("Status").setAutoWidth(true);
        grid.addColumn(ProviderListing::endpointName).setHeader("Endpoint").setAutoWidth(true);
        grid.addColumn(ProviderListing::upstreamModel).setHeader("Your model id").setAutoWidth(true);
        grid.addColumn(l -> Formats.usd(l.inputPriceMicrosPerMTok())).setHeader("Input / M tokens").setAutoWidth(true);
        grid.addColumn(l -> Formats.usd(l.outputPriceMicrosPerMTok())).setHeader("Output / M tokens").setAutoWidth(true);
        grid.addColumn(l -> l.latestProbeStatus() == null ? "not probed" : l.latestProbeStatus()).setHeader("Latest probe");
        grid.addColumn(l -> "accepted".equals(l.modelRegistryStatus()) ? "in the registry"
                : "proposal " + l.modelRegistryStatus()).setHeader("Registry").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(user -> {
            username = user.username();
            add(new H1("Listings"));
            List<EndpointSummary> importable;
            try {
                importable = endpoints.list(username).stream().filter(e -> e.listModelsUrl() != null).toList();
            } catch (NotAProviderMemberException e) {
                add(new Paragraph(e.getMessage()));
                return;
            }
            add(importPanel(importable), new H2("Your listings"), new Paragraph("A draft is submitted for approval once "
                    + "its latest verification probe passed; an administrator approves its first publication, after that "
                    + "you pause and resume it yourself. Retiring is final."), message, grid);
            refresh();
        });
    }

    private Div importPanel(List<EndpointSummary> importable) {
        Div panel = new Div(new H2("Import models"));
        if (importable.isEmpty()) {
            panel.add(new Paragraph("Give one of your endpoints a List Models URL (on the Endpoints page) to import from it."));
            return panel;
        }
        ComboBox<EndpointSummary> endpoint = new ComboBox<>("From the List Models URL of");
        endpoint.setId("import-endpoint");
        endpoint.setItems(importable);
        endpoint.setAllowCustomValue(false);
        endpoint.setWidth("32em");
        endpoint.setItemLabelGenerator(e -> e.name() + " · " + e.listModelsUrl());
        endpoint.setValue(importable.get(0));
        Button run = new Button("Import", click -> {
            if (endpoint.getValue() == null) {
                endpoint.setInvalid(true);
                endpoint.setErrorMessage("Choose the endpoint to import from");
                return;
            }
            endpoint.setInvalid(false);
            try {
                show(imports.importFor(username, endpoint.getValue().id()));
            } catch (ListingException e) {
                result.removeAll();
                result.add(new Paragraph(e.getMessage()));
            }
            refresh();
        });
        run.setId("import-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setDisableOnClick(true);
        run.addClickListener(click -> run.setEnabled(true));
        panel.add(new Paragraph("OpenRouter's provider format, fetched with the endpoint's key. Nothing is imported "
                + "unless every model in it is valid. Models new to the registry become proposals an administrator "
                + "reviews; listings already submitted keep their prices (schedule price changes instead)."),
                new HorizontalLayout(endpoint, run), result);
        return panel;
    }

    private void show(ImportReport report) {
        result.removeAll();
        if (report.applied()) {
            result.add(new Paragraph("Imported " + report.items().size() + " model(s): " + report.created() + " new draft(s), "
                    + report.updated() + " updated" + (report.proposedModels().isEmpty() ? "" : ", proposed to the registry: "
                    + String.join(", ", report.proposedModels())) + (report.keptAsIs().isEmpty() ? ""
                    : ", kept as they are: " + String.join(", ", report.keptAsIs())) + "."));
            return;
        }
        result.add(new Paragraph("Nothing was imported: " + report.problems().size() + " problem(s)."));
        UnorderedList problems = new UnorderedList();
        report.problems().stream().limit(200).map(ItemProblem::describe).map(ListItem::new).forEach(problems::add);
        result.add(problems);
    }

    private HorizontalLayout actions(ProviderListing listing) {
        HorizontalLayout buttons = new HorizontalLayout();
        for (ListingAction action : ACTIONS.getOrDefault(listing.status(), List.of())) {
            Button button = new Button(label(action), click -> act(listing, action));
            button.setId(action.name().toLowerCase(java.util.Locale.ROOT) + "-listing-" + listing.id());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (action == ListingAction.RETIRE) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            buttons.add(button);
        }
        return buttons;
    }

    private void act(ProviderListing listing, ListingAction action) {
        try {
            message.setText(listing.modelSlug() + " on " + listing.endpointName() + " is "
                    + listings.act(username, listing.id(), action) + ".");
        } catch (ListingTransitionException | ListingException e) {
            message.setText(e.getMessage());
        }
        refresh();
    }

    private static String label(ListingAction action) {
        return switch (action) {
            case SUBMIT -> "Submit for approval";
            case PAUSE -> "Pause";
            case RESUME -> "Resume";
            case RETIRE -> "Retire";
            default -> action.verb();
        };
    }

    private void refresh() {
        grid.setItems(listings.list(username));
    }
}
