package dev.marketplace.ui.catalog;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.catalog.browse.CatalogBrowser;
import dev.marketplace.catalog.browse.ProviderDetail;
import dev.marketplace.ui.shell.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** An active provider's public page ({@code /providers/<slug>}): its live models with prices and health. */
@Dependent
@Route(value = "providers/:slug", layout = MainLayout.class)
@PageTitle("Provider · Model Marketplace")
public class ProviderPageView extends Div implements BeforeEnterObserver {

    private final CatalogBrowser catalog;

    @Inject
    public ProviderPageView(CatalogBrowser catalog) {
        this.catalog = catalog;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String slug = event.getRouteParameters().get("slug").orElse("");
        catalog.provider(slug).ifPresentOrElse(this::show, () -> add(new H1("No such provider"),
                new Paragraph("No active provider " + slug + " serves a live model."), new Anchor("/models", "All models")));
    }

    private void show(ProviderDetail provider) {
        H1 title = new H1(provider.name());
        title.setId("provider-name");
        Grid<ProviderDetail.Offer> models = new Grid<>(ProviderDetail.Offer.class, false);
        models.setId("provider-models");
        models.addComponentColumn(o -> new Anchor("/models/" + o.modelSlug(), o.modelName() + " (" + o.modelSlug() + ")"))
                .setHeader("Model").setAutoWidth(true);
        models.addColumn(o -> CatalogFormats.perMillion(o.endpoint().prices().inputMicrosPerMTok())).setHeader("Input $/M");
        models.addColumn(o -> CatalogFormats.perMillion(o.endpoint().prices().outputMicrosPerMTok())).setHeader("Output $/M");
        models.addColumn(o -> CatalogFormats.extras(o.endpoint().prices())).setHeader("Other prices").setAutoWidth(true);
        models.addColumn(o -> CatalogFormats.uptime(o.endpoint().stats().uptimeLast5m())).setHeader("Uptime 5 min");
        models.addColumn(o -> CatalogFormats.uptime(o.endpoint().stats().uptimeLast30m())).setHeader("30 min");
        models.addColumn(o -> CatalogFormats.uptime(o.endpoint().stats().uptimeLast1d())).setHeader("1 day");
        models.addColumn(o -> CatalogFormats.millis(o.endpoint().stats().latencyLast30m() == null ? null
                : o.endpoint().stats().latencyLast30m().p50())).setHeader("Latency p50");
        models.setItems(provider.offers());
        models.setAllRowsVisible(true);
        add(new Anchor("/models", "\u2190 All models"), title, new Paragraph(provider.slug()),
                new H2("Live models and health"), models);
    }
}
