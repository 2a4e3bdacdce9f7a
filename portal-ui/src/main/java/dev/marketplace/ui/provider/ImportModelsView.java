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
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.listings.application.DraftListing;
import dev.marketplace.onboarding.listings.application.ImportReport;
import dev.marketplace.onboarding.listings.application.ListingImports;
import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A provider imports its models from a List Models URL (OpenRouter's provider format) into draft listings, all or
 * nothing, and sees every problem by item and field, then its drafts with the prices billing will charge.
 */
@Dependent
@Route(value = "provider/import", layout = MainLayout.class)
@PageTitle("Import models · Model Marketplace")
public class ImportModelsView extends Div implements BeforeEnterObserver {

    private final ListingImports imports;
    private final Div result = new Div();
    private final Grid<DraftListing> drafts = new Grid<>(DraftListing.class, false);

    @Inject
    public ImportModelsView(ListingImports imports) {
        this.imports = imports;
        addClassName("portal-page");
        result.setId("import-result");
        drafts.setId("listing-drafts");
        drafts.addColumn(DraftListing::modelSlug).setHeader("Model").setAutoWidth(true);
        drafts.addColumn(DraftListing::upstreamModel).setHeader("Your model id").setAutoWidth(true);
        drafts.addColumn(DraftListing::contextLength).setHeader("Context").setAutoWidth(true);
        drafts.addColumn(row -> Formats.usd(row.inputPriceMicrosPerMTok())).setHeader("Input / M tokens").setAutoWidth(true);
        drafts.addColumn(row -> Formats.usd(row.outputPriceMicrosPerMTok())).setHeader("Output / M tokens").setAutoWidth(true);
        drafts.addColumn(row -> row.newModel() ? "new model (registry proposal)" : "existing model").setHeader("Registry");
        drafts.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        add(new H1("Import models"));
        Optional<Long> provider = imports.providerOf(user.username());
        if (provider.isEmpty()) {
            add(new Paragraph("Your account does not act for a provider yet: apply at /provider/apply."));
            return;
        }
        long providerId = provider.get();
        TextField url = new TextField("List Models URL");
        url.setId("import-url");
        url.setWidthFull();
        url.setPlaceholder("https://api.example.com/v1/models");
        PasswordField key = new PasswordField("Upstream API key (sent as a bearer token, not stored)");
        key.setId("import-key");
        Button run = new Button("Import", click -> show(imports.importFrom(providerId, url.getValue(), key.getValue()), providerId));
        run.setId("import-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("The document must be in OpenRouter's provider format. Nothing is imported unless every model "
                + "in it is valid; prices must be exact in micro-USD, and only prompt and completion prices can be "
                + "charged today."), url, key, run, result, new H2("Draft listings"), drafts);
        drafts.setItems(imports.drafts(providerId));
    }

    private void show(ImportReport report, long providerId) {
        result.removeAll();
        if (report.applied()) {
            result.add(new Paragraph("Imported " + report.drafts().size() + " draft listing(s)."));
        } else {
            result.add(new Paragraph("Nothing was imported: " + report.problems().size() + " problem(s)."));
            UnorderedList problems = new UnorderedList();
            report.problems().stream().limit(200).map(ItemProblem::describe).map(ListItem::new).forEach(problems::add);
            result.add(problems);
        }
        drafts.setItems(imports.drafts(providerId));
    }
}
