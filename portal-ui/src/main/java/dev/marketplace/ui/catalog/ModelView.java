package dev.marketplace.ui.catalog;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.catalog.browse.CatalogBrowser;
import dev.marketplace.catalog.browse.ModelCard;
import dev.marketplace.catalog.browse.ModelDetail;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.tryit.TryIt;
import dev.marketplace.ui.developer.ApiSnippets;
import dev.marketplace.ui.shell.CurrentUser;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * A live model's public page ({@code /models/<author>/<slug>}): what it is, its endpoints with prices, health and
 * upcoming price changes, code snippets naming the model, and the try-it box.
 */
@Dependent
@Route(value = "models/:author/:slug", layout = MainLayout.class)
@PageTitle("Model · Model Marketplace")
public class ModelView extends Div implements BeforeEnterObserver {

    private final CatalogBrowser catalog;
    private final TryIt tryIt;
    private final DeveloperAccounts accounts;

    @Inject
    public ModelView(CatalogBrowser catalog, TryIt tryIt, DeveloperAccounts accounts) {
        this.catalog = catalog;
        this.tryIt = tryIt;
        this.accounts = accounts;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String slug = event.getRouteParameters().get("author").orElse("") + "/"
                + event.getRouteParameters().get("slug").orElse("");
        catalog.model(slug).ifPresentOrElse(this::show, () -> add(new H1("No such model"),
                new Paragraph("No live endpoint serves " + slug + "."), new Anchor("/models", "All models")));
    }

    private void show(ModelDetail detail) {
        ModelCard card = detail.card();
        H1 title = new H1(card.name());
        title.setId("model-name");
        Paragraph slug = new Paragraph(card.slug());
        slug.setId("model-slug");
        slug.addClassName("portal-note");
        Paragraph facts = new Paragraph("Context " + CatalogFormats.count(card.contextLength()) + " tokens \u00b7 max output "
                + CatalogFormats.count(card.maxOutputTokens()) + " \u00b7 input " + String.join(", ", card.inputModalities())
                + " \u00b7 output " + String.join(", ", card.outputModalities()));
        facts.setId("model-facts");
        add(new Anchor("/models", "\u2190 All models"), title, slug, new Paragraph(card.description()), facts,
                new H2("Endpoints"), new Paragraph("Prices in USD per million tokens. Increases are announced here "
                        + "before they apply."),
                new EndpointsGrid(detail.endpoints(), true), snippets(card.slug()),
                new TryItPanel(card.slug(), CurrentUser.get(), tryIt, accounts));
    }

    private static Div snippets(String model) {
        String apiBase = PortalUrls.apiBase(PortalUrls.currentOrigin());
        TabSheet tabs = new TabSheet();
        tabs.setId("model-snippets");
        for (ApiSnippets.Snippet s : ApiSnippets.all(apiBase, "$MARKETPLACE_API_KEY", model)) {
            if (s.language().equals("Java")) {
                continue; // the three the catalog promises: curl, Python, JavaScript
            }
            Pre code = new Pre(s.code());
            code.addClassName("portal-code");
            code.setId("snippet-" + s.language().toLowerCase());
            tabs.add(s.language(), code);
        }
        return new Div(new H2("Call it"), tabs);
    }
}
