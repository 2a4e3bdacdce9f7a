package dev.marketplace.ui.catalog;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.money.Money;
import dev.marketplace.catalog.browse.CatalogBrowser;
import dev.marketplace.catalog.browse.CatalogQuery;
import dev.marketplace.catalog.browse.CatalogSort;
import dev.marketplace.catalog.browse.ModelCard;
import dev.marketplace.ui.shell.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The public models list ({@code /models}, no sign-in): search, filters (the most one would pay per million tokens,
 * the least context, a modality, a provider) and an order; every change re-filters at once. Each model links to its
 * page, each provider to its page.
 */
@Dependent
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models · Model Marketplace")
public class ModelsView extends Div {

    private final CatalogBrowser catalog;
    private final TextField search = new TextField("Search");
    private final TextField maxPrice = new TextField("Max price ($ per M tokens)");
    private final IntegerField minContext = new IntegerField("Min context (tokens)");
    private final ComboBox<String> modality = new ComboBox<>("Modality");
    private final ComboBox<String> provider = new ComboBox<>("Provider");
    private final Select<CatalogSort> sort = new Select<>();
    private final Grid<ModelCard> grid = new Grid<>(ModelCard.class, false);
    private final Paragraph count = new Paragraph();

    @Inject
    public ModelsView(CatalogBrowser catalog) {
        this.catalog = catalog;
        addClassName("portal-page");
        search.setId("catalog-search");
        search.setPlaceholder("Name, slug or description");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        maxPrice.setId("catalog-max-price");
        maxPrice.setPlaceholder("e.g. 2.50");
        maxPrice.setValueChangeMode(ValueChangeMode.LAZY);
        maxPrice.setHelperText("Input and output, cheapest endpoint");
        minContext.setId("catalog-min-context");
        minContext.setMin(0);
        minContext.setValueChangeMode(ValueChangeMode.LAZY);
        modality.setId("catalog-modality");
        modality.setItems(catalog.modalities());
        modality.setClearButtonVisible(true);
        provider.setId("catalog-provider");
        provider.setItems(catalog.providerSlugs());
        provider.setClearButtonVisible(true);
        sort.setId("catalog-sort");
        sort.setLabel("Sort by");
        sort.setItems(CatalogSort.values());
        sort.setItemLabelGenerator(CatalogSort::label);
        sort.setValue(CatalogSort.NAME);
        List.of(search, maxPrice).forEach(f -> f.addValueChangeListener(e -> refresh()));
        minContext.addValueChangeListener(e -> refresh());
        modality.addValueChangeListener(e -> refresh());
        provider.addValueChangeListener(e -> refresh());
        sort.addValueChangeListener(e -> refresh());

        grid.setId("catalog-models");
        grid.addComponentColumn(ModelsView::modelLink).setHeader("Model").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(c -> CatalogFormats.perMillion(c.minInputMicrosPerMTok())).setHeader("Input $/M").setAutoWidth(true);
        grid.addColumn(c -> CatalogFormats.perMillion(c.minOutputMicrosPerMTok())).setHeader("Output $/M").setAutoWidth(true);
        grid.addColumn(c -> CatalogFormats.count(c.contextLength())).setHeader("Context").setAutoWidth(true);
        grid.addColumn(c -> String.join(", ", c.inputModalities()) + " \u2192 " + String.join(", ", c.outputModalities()))
                .setHeader("Modalities").setAutoWidth(true);
        grid.addComponentColumn(ModelsView::providerLinks).setHeader("Providers").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        count.setId("catalog-count");

        Div filters = new Div(search, maxPrice, minContext, modality, provider, sort);
        filters.addClassName("portal-form");
        Anchor rankings = new Anchor("/rankings", "Rankings");
        rankings.setId("catalog-rankings-link");
        add(new H1("Models"), new Paragraph("Every model live on the marketplace, one API for all of them. Prices are "
                + "per million tokens at the cheapest endpoint."), rankings, filters, count, grid);
        refresh();
    }

    private void refresh() {
        CatalogQuery query;
        try {
            query = new CatalogQuery(search.getValue(), maxPriceMicros(), minContext.getValue(), modality.getValue(),
                    provider.getValue(), sort.getValue());
            maxPrice.setInvalid(false);
        } catch (IllegalArgumentException e) {
            maxPrice.setErrorMessage(e.getMessage());
            maxPrice.setInvalid(true);
            return;
        }
        List<ModelCard> cards = catalog.models(query);
        grid.setItems(cards);
        count.setText(cards.size() == 1 ? "1 model" : cards.size() + " models");
    }

    /** The max price field as micro-USD per million tokens, or null when empty; exact (no floating point). */
    private Long maxPriceMicros() {
        String text = maxPrice.getValue() == null ? "" : maxPrice.getValue().strip().replace("$", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Money.parseUsdMicros(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("A price in dollars, such as 2.50");
        }
    }

    static Anchor modelLink(ModelCard card) {
        Anchor link = new Anchor("/models/" + card.slug(), card.name() + " (" + card.slug() + ")");
        link.getElement().setAttribute("data-model", card.slug());
        return link;
    }

    private static Div providerLinks(ModelCard card) {
        Div links = new Div();
        for (String slug : card.providerSlugs()) {
            if (links.getComponentCount() > 0) {
                links.add(", ");
            }
            links.add(new Anchor("/providers/" + slug, slug));
        }
        return links;
    }
}
