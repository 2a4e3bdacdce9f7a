package dev.marketplace.ui.provider;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.marketplace.onboarding.dashboard.DailyEarnings;
import dev.marketplace.onboarding.dashboard.EndpointHealth;
import dev.marketplace.onboarding.dashboard.LedgerLine;
import dev.marketplace.onboarding.dashboard.ProviderDashboard;
import dev.marketplace.onboarding.dashboard.ProviderRef;
import dev.marketplace.ui.catalog.CatalogFormats;
import dev.marketplace.ui.developer.ChartData;
import dev.marketplace.ui.developer.SvgBarChart;
import dev.marketplace.ui.shell.Formats;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The provider's dashboard for the provider the signed-in user is a member of: the next statement's running balance,
 * per model and day requests, tokens, gross, take-rate fee and net share (charts and a table, as posted in the
 * ledger), endpoint health and payouts. The provider is never taken from the request.
 */
class ProviderDashboardPanel extends Div {
    static final int DEFAULT_DAYS = 30;

    private final ProviderDashboard dashboard;
    private final ProviderRef provider;
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Div figures = new Div();
    private final Div charts = new Div();
    private final Grid<DailyEarnings> table = new Grid<>(DailyEarnings.class, false);

    ProviderDashboardPanel(ProviderDashboard dashboard, ProviderRef provider) {
        this.dashboard = dashboard;
        this.provider = provider;
        setId("provider-dashboard");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        from.setValue(today.minusDays(DEFAULT_DAYS - 1));
        to.setValue(today);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        Div range = new Div(from, to);
        range.addClassName("portal-form");
        figures.addClassName("portal-figures");
        figures.setId("dashboard-figures");
        charts.addClassName("portal-charts");
        table.setId("dashboard-table");
        table.addColumn(r -> r.day().toString()).setHeader("Day").setAutoWidth(true);
        table.addColumn(DailyEarnings::model).setHeader("Model").setAutoWidth(true);
        table.addColumn(DailyEarnings::requests).setHeader("Requests").setAutoWidth(true);
        table.addColumn(DailyEarnings::tokens).setHeader("Tokens").setAutoWidth(true);
        table.addColumn(r -> Formats.usd(r.grossMicros())).setHeader("Gross").setAutoWidth(true);
        table.addColumn(r -> Formats.usd(r.feeMicros())).setHeader("Take-rate fee").setAutoWidth(true);
        table.addColumn(r -> Formats.usd(r.shareMicros())).setHeader("Net share").setAutoWidth(true);
        table.setAllRowsVisible(true);
        add(new H2("Dashboard \u00b7 " + provider.name()), range, figures, charts, new H3("Per model and day"), table,
                health(), payouts());
        refresh();
    }

    private void refresh() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        List<DailyEarnings> rows;
        try {
            rows = dashboard.daily(provider.id(), from.getValue(), to.getValue());
            from.setInvalid(false);
        } catch (IllegalArgumentException e) {
            from.setErrorMessage(e.getMessage());
            from.setInvalid(true);
            return;
        }
        figures.removeAll();
        figures.add(figure("Next statement (running balance)", Formats.usd(dashboard.payableBalanceMicros(provider.id())),
                        "dashboard-balance"),
                figure("Requests", String.valueOf(sum(rows, DailyEarnings::requests)), "dashboard-requests"),
                figure("Gross", Formats.usd(sum(rows, DailyEarnings::grossMicros)), "dashboard-gross"),
                figure("Take-rate fee", Formats.usd(sum(rows, DailyEarnings::feeMicros)), "dashboard-fee"),
                figure("Net share", Formats.usd(sum(rows, DailyEarnings::shareMicros)), "dashboard-share"));
        charts.removeAll();
        charts.add(chart("Net share per day by model", rows, DailyEarnings::shareMicros, Formats::usd),
                chart("Gross per day by model", rows, DailyEarnings::grossMicros, Formats::usd),
                chart("Requests per day by model", rows, DailyEarnings::requests, Long::toString),
                chart("Tokens per day by model", rows, DailyEarnings::tokens, Long::toString));
        table.setItems(rows);
    }

    private Div chart(String title, List<DailyEarnings> rows, ToLongFunction<DailyEarnings> metric,
                      LongFunction<String> format) {
        ChartData data = ChartData.of(rows, DailyEarnings::day, DailyEarnings::model, from.getValue(), to.getValue(), metric);
        Div block = new Div(new H3(title), new Html("<div>" + SvgBarChart.render(data, title, format)
                + SvgBarChart.legend(data) + "</div>"));
        block.addClassName("portal-chart");
        return block;
    }

    private Div health() {
        Grid<EndpointHealth> grid = new Grid<>(EndpointHealth.class, false);
        grid.setId("dashboard-health");
        grid.addColumn(EndpointHealth::name).setHeader("Endpoint").setAutoWidth(true);
        grid.addColumn(EndpointHealth::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(h -> CatalogFormats.uptime(h.uptimeLast5m())).setHeader("Uptime 5 min");
        grid.addColumn(h -> CatalogFormats.uptime(h.uptimeLast30m())).setHeader("30 min");
        grid.addColumn(h -> CatalogFormats.uptime(h.uptimeLast1d())).setHeader("1 day");
        grid.addColumn(h -> CatalogFormats.millis(h.latencyP50Ms())).setHeader("Latency p50");
        grid.addColumn(h -> CatalogFormats.millis(h.latencyP95Ms())).setHeader("p95");
        grid.addColumn(EndpointHealth::okLast1d).setHeader("OK (1 day)");
        grid.addColumn(EndpointHealth::errorsLast1d).setHeader("Upstream errors");
        grid.addColumn(EndpointHealth::cancelledLast1d).setHeader("Cancelled by caller");
        grid.addColumn(EndpointHealth::cappedLast1d).setHeader("Usage above cap");
        grid.setItems(dashboard.health(provider.id()));
        grid.setAllRowsVisible(true);
        return new Div(new H3("Endpoint health"), new Paragraph("From real traffic: uptime is successful \u00f7 "
                + "(successful + upstream errors); latency over the last day's successful calls."), grid);
    }

    private Div payouts() {
        List<LedgerLine> lines = dashboard.payouts(provider.id());
        Grid<LedgerLine> grid = new Grid<>(LedgerLine.class, false);
        grid.setId("dashboard-payouts");
        grid.addColumn(l -> Formats.time(l.postedAt())).setHeader("Posted").setAutoWidth(true);
        grid.addColumn(LedgerLine::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(l -> Formats.usd(l.amountMicros())).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(l -> l.externalRef() == null ? "" : l.externalRef()).setHeader("Reference").setAutoWidth(true);
        grid.addColumn(l -> l.memo() == null ? "" : l.memo()).setHeader("Memo").setAutoWidth(true);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.setVisible(!lines.isEmpty());
        Paragraph none = new Paragraph("No payouts yet: your share accrues in the running balance until a statement "
                + "is settled and paid.");
        none.setVisible(lines.isEmpty());
        return new Div(new H3("Payouts"), none, grid);
    }

    private static Div figure(String label, String value, String id) {
        Span l = new Span(label);
        l.addClassName("label");
        Span v = new Span(value);
        v.addClassName("value");
        v.setId(id);
        Div figure = new Div(l, v);
        figure.addClassName("portal-figure");
        return figure;
    }

    private static long sum(List<DailyEarnings> rows, ToLongFunction<DailyEarnings> metric) {
        long total = 0;
        for (DailyEarnings r : rows) {
            total = Math.addExact(total, metric.applyAsLong(r));
        }
        return total;
    }

}
