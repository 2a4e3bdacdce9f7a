package dev.marketplace.ui.catalog;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.marketplace.catalog.browse.EndpointRow;
import dev.marketplace.catalog.browse.PriceChange;
import dev.marketplace.ui.shell.Formats;
import java.util.List;

/**
 * A model's live endpoints: provider, prices per million tokens (and per request and cache when not zero), context,
 * quantization, uptime over 5 min / 30 min / 1 day, latency p50 over 30 min, and every scheduled price change with
 * its date, an increase marked as such (developers see it before it applies).
 */
class EndpointsGrid extends Grid<EndpointRow> {

    EndpointsGrid(List<EndpointRow> rows, boolean linkProviders) {
        super(EndpointRow.class, false);
        setId("model-endpoints");
        if (linkProviders) {
            addComponentColumn(r -> new Anchor("/providers/" + r.providerSlug(), r.providerName()))
                    .setHeader("Provider").setAutoWidth(true);
        }
        addColumn(r -> CatalogFormats.perMillion(r.prices().inputMicrosPerMTok())).setHeader("Input $/M").setAutoWidth(true);
        addColumn(r -> CatalogFormats.perMillion(r.prices().outputMicrosPerMTok())).setHeader("Output $/M").setAutoWidth(true);
        addColumn(r -> CatalogFormats.extras(r.prices())).setHeader("Other prices").setAutoWidth(true);
        addColumn(r -> CatalogFormats.count(r.contextLength())).setHeader("Context").setAutoWidth(true);
        addColumn(r -> r.quantization() == null ? "unknown" : r.quantization()).setHeader("Quantization").setAutoWidth(true);
        addColumn(r -> CatalogFormats.uptime(r.stats().uptimeLast5m())).setHeader("Uptime 5 min").setAutoWidth(true);
        addColumn(r -> CatalogFormats.uptime(r.stats().uptimeLast30m())).setHeader("30 min").setAutoWidth(true);
        addColumn(r -> CatalogFormats.uptime(r.stats().uptimeLast1d())).setHeader("1 day").setAutoWidth(true);
        addColumn(r -> CatalogFormats.millis(r.stats().latencyLast30m() == null ? null : r.stats().latencyLast30m().p50()))
                .setHeader("Latency p50").setAutoWidth(true);
        addComponentColumn(EndpointsGrid::upcoming).setHeader("Upcoming prices").setAutoWidth(true);
        setItems(rows);
        setAllRowsVisible(true);
    }

    private static Div upcoming(EndpointRow row) {
        Div cell = new Div();
        cell.addClassName("price-changes");
        if (row.upcoming().isEmpty()) {
            cell.setText("none scheduled");
            return cell;
        }
        for (PriceChange change : row.upcoming()) {
            Span line = new Span((change.increase() ? "Increase" : "Change") + " from " + Formats.time(change.effectiveAt())
                    + ": " + CatalogFormats.perMillion(change.prices().inputMicrosPerMTok()) + " in / "
                    + CatalogFormats.perMillion(change.prices().outputMicrosPerMTok()) + " out per M"
                    + (change.prices().hasExtras() ? " \u00b7 " + CatalogFormats.extras(change.prices()) : ""));
            line.addClassName(change.increase() ? "price-increase" : "price-change");
            line.getStyle().set("display", "block");
            cell.add(line);
        }
        return cell;
    }
}
