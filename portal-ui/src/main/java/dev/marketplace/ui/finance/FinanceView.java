package dev.marketplace.ui.finance;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.marketplace.billing.financedashboard.FinanceFigures;
import dev.marketplace.billing.financedashboard.MonthFigures;
import dev.marketplace.billing.financedashboard.Position;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The finance dashboard: cash at Stripe against what the platform owes (developers' unspent credit, providers'
 * payables), revenue and fees, and per month (UTC, last 12) purchases, take revenue, Stripe fees and transfers as
 * server-drawn SVG charts, with a CSV export. Everything comes from the ledger.
 */
@Dependent
@Route(value = "finance", layout = MainLayout.class)
@PageTitle("Finance · Model Marketplace")
public class FinanceView extends Div implements BeforeEnterObserver {

    static final int MONTHS = 12;
    private final FinanceFigures figures;

    @Inject
    public FinanceView(FinanceFigures figures) {
        this.figures = figures;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.FINANCE, this).ifPresent(user -> build());
    }

    private void build() {
        Position p = figures.position();
        List<MonthFigures> months = figures.months(YearMonth.now(ZoneOffset.UTC), MONTHS);
        add(new H1("Finance"), new Paragraph(new Anchor("finance/settlements", "Settlements and payouts"), new Span(" · "),
                new Anchor("finance/reconciliation", "Reconciliation and close"),
                new Span(" · everything below is read from the ledger")));
        add(new H2("Cash at Stripe against liabilities"));
        Div cards = new Div();
        cards.addClassName("finance-cards");
        cards.add(card("cash", "Cash at Stripe", p.cashAtStripeMicros()),
                card("developer-credit", "Developers' unspent credit", p.developerCreditMicros()),
                card("provider-payables", "Providers' payables", p.providerPayableMicros()),
                card("cover", "Cash left after paying everyone", p.coverMicros()),
                card("take-revenue", "Take revenue", p.takeRevenueMicros()),
                card("platform-provider-revenue", "Platform-operated providers", p.platformProviderRevenueMicros()),
                card("stripe-fees", "Stripe fees", p.stripeFeesMicros()),
                card("dispute-fees", "Dispute fees", p.disputeFeesMicros()),
                card("suspense", "Reconciliation suspense", p.suspenseMicros()));
        add(cards);
        add(new H2("Per month (UTC)"));
        List<YearMonth> labels = months.stream().map(MonthFigures::month).toList();
        add(chart("Cash received for credit", labels, months, MonthFigures::purchasesMicros, "#0072B2"),
                chart("Take revenue", labels, months, MonthFigures::takeRevenueMicros, "#009E73"),
                chart("Stripe fees", labels, months, MonthFigures::stripeFeesMicros, "#D55E00"),
                chart("Transfers to providers", labels, months, MonthFigures::transfersMicros, "#CC79A7"));
        StreamResource csv = new StreamResource("finance-months.csv", () -> new ByteArrayInputStream(
                FinanceCsv.months(months).getBytes(StandardCharsets.UTF_8)));
        Anchor export = new Anchor(csv, "Export the months as CSV");
        export.getElement().setAttribute("download", true);
        export.setId("export-months");
        add(new Paragraph(export));
    }

    private static Div card(String id, String label, long micros) {
        Span value = new Span(Formats.usd(micros));
        value.setId("figure-" + id);
        value.addClassName("finance-figure");
        Div card = new Div(new Span(label), new Html("<br>"), value);
        card.addClassName("finance-card");
        return card;
    }

    private static Div chart(String title, List<YearMonth> labels, List<MonthFigures> months,
                             ToLongFunction<MonthFigures> metric, String colour) {
        long[] values = months.stream().mapToLong(metric).toArray();
        Div box = new Div(new Span(title), new Html("<div>" + MonthlyBars.render(title, labels, values, colour,
                Formats::usd) + "</div>"));
        box.addClassName("finance-chart");
        return box;
    }
}
