package dev.marketplace.ui.finance;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.marketplace.billing.reconciliation.Component;
import dev.marketplace.billing.reconciliation.Difference;
import dev.marketplace.billing.reconciliation.DifferenceClass;
import dev.marketplace.billing.reconciliation.DifferenceStatus;
import dev.marketplace.billing.reconciliation.Period;
import dev.marketplace.billing.reconciliation.Reconciliation;
import dev.marketplace.billing.reconciliation.ReconciliationException;
import dev.marketplace.billing.reconciliation.RunSummary;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reconciliation and close for finance: pick or open a period (a UTC month), run it (in the background, with its
 * steps shown as they happen), see the differences grouped by class with both sides' ids linked (Stripe objects to
 * Stripe's dashboard, journals to their postings), resolve each (correcting journal or timing) and close the period
 * once nothing is unexplained. Every action is audited by the service.
 */
@Dependent
@Route(value = "finance/reconciliation", layout = MainLayout.class)
@PageTitle("Reconciliation · Model Marketplace")
public class ReconciliationView extends Div implements BeforeEnterObserver {

    static final int POLL_MS = 500;
    private final Reconciliation reconciliation;
    @Resource
    private ManagedExecutorService executor;

    private final Select<Period> periods = new Select<>();
    private final Span progress = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Div differences = new Div();
    private final Span message = new Span();
    private final Button run = new Button("Run reconciliation");
    private final Button close = new Button("Close period");
    private String actor;

    @Inject
    public ReconciliationView(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.FINANCE, this).ifPresent(user -> {
            actor = user.username();
            build();
        });
    }

    private void build() {
        add(new H1("Reconciliation and close"), new Paragraph("Ledger journals against usage records against"
                + " Stripe's balance transactions, per period (UTC). A period closes only at zero unexplained"
                + " difference; a closed period never changes."));
        periods.setLabel("Period");
        periods.setId("period");
        periods.setItemLabelGenerator(p -> p.startsAt() + " – " + p.endsAt() + (p.closed() ? " (closed)" : ""));
        periods.addValueChangeListener(e -> show());
        Button open = new Button("Open next month", e -> openNextMonth());
        open.setId("open-period");
        run.setId("run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> startRun());
        close.setId("close-period");
        close.addClickListener(e -> closePeriod());
        bar.setIndeterminate(true);
        bar.setVisible(false);
        progress.setId("progress");
        progress.addClassName("recon-progress");
        message.setId("message");
        HorizontalLayout actions = new HorizontalLayout(periods, open, run, close);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(actions, bar, progress, message, differences);
        reload(null);
    }

    private void reload(Long select) {
        List<Period> all = reconciliation.periods();
        periods.setItems(all);
        all.stream().filter(p -> select == null ? !p.closed() : p.id() == select).reduce((a, b) -> b)
                .or(() -> all.stream().findFirst()).ifPresent(periods::setValue);
        show();
    }

    private void openNextMonth() {
        List<Period> all = reconciliation.periods();
        YearMonth month = all.isEmpty() ? YearMonth.now(ZoneOffset.UTC)
                : YearMonth.from(all.get(0).endsAt().atZone(ZoneOffset.UTC));
        try {
            reload(reconciliation.openMonth(month, actor).id());
        } catch (IllegalArgumentException | ReconciliationException e) {
            message.setText(e.getMessage());
        }
    }

    private void startRun() {
        Period period = periods.getValue();
        if (period == null) {
            message.setText("Open a period first.");
            return;
        }
        UI ui = UI.getCurrent();
        run.setEnabled(false);
        bar.setVisible(true);
        message.setText("");
        ui.setPollInterval(POLL_MS);
        Runnable work = () -> {
            try {
                RunSummary s = reconciliation.run(period.id(), actor, step -> ui.access(() -> progress.setText(step)));
                ui.access(() -> finished(String.format("Run %d: %,d Stripe balance transactions (%d pages), %,d journals,"
                        + " %,d usage records, %d differences, %d unexplained, %d ms", s.runId(), s.stripeTransactions(),
                        s.stripePages(), s.ledgerJournals(), s.usageRecords(), s.differences(), s.unexplained(),
                        s.elapsedMs())));
            } catch (RuntimeException e) {
                ui.access(() -> finished("The run failed: " + e.getMessage()));
            }
        };
        if (executor == null) {
            work.run();
        } else {
            executor.submit(work);
        }
    }

    private void finished(String text) {
        UI.getCurrent().setPollInterval(-1);
        bar.setVisible(false);
        run.setEnabled(true);
        progress.setText(text);
        show();
    }

    private void closePeriod() {
        Period period = periods.getValue();
        if (period == null) {
            return;
        }
        try {
            reconciliation.close(period.id(), actor);
            message.setText("Period closed.");
            reload(period.id());
        } catch (ReconciliationException e) {
            message.setText(e.getMessage());
        }
    }

    private void show() {
        differences.removeAll();
        Period period = periods.getValue();
        run.setEnabled(period != null && !period.closed());
        close.setEnabled(period != null && !period.closed());
        if (period == null) {
            differences.add(new Paragraph("No period yet: open one."));
            return;
        }
        List<Difference> all = reconciliation.differences(period.id());
        long open = all.stream().filter(d -> d.status() == DifferenceStatus.OPEN).count();
        Span count = new Span(open + " unexplained of " + all.size() + " differences");
        count.setId("unexplained");
        StreamResource csv = new StreamResource("reconciliation-period-" + period.id() + ".csv",
                () -> new ByteArrayInputStream(FinanceCsv.differences(all).getBytes(StandardCharsets.UTF_8)));
        Anchor export = new Anchor(csv, "Export as CSV");
        export.getElement().setAttribute("download", true);
        export.setId("export-differences");
        differences.add(new Paragraph(count, new Span(" · "), export));
        Map<DifferenceClass, List<Difference>> byClass = new TreeMap<>();
        for (Difference d : all) {
            byClass.computeIfAbsent(d.differenceClass(), k -> new java.util.ArrayList<>()).add(d);
        }
        byClass.forEach((cls, list) -> {
            Grid<Difference> grid = grid(list, period.closed());
            grid.setId("grid-" + cls.dbValue());
            Details group = new Details(cls.dbValue().replace('_', ' ') + " (" + list.size() + ")", grid);
            group.setOpened(true);
            group.setId("class-" + cls.dbValue());
            differences.add(group);
        });
    }

    private Grid<Difference> grid(List<Difference> list, boolean closed) {
        Grid<Difference> grid = new Grid<>();
        grid.setAllRowsVisible(list.size() <= 20);
        grid.addColumn(d -> d.component().dbValue()).setHeader("Component").setAutoWidth(true);
        grid.addColumn(Difference::joinKey).setHeader("Key").setAutoWidth(true);
        grid.addColumn(d -> Formats.usd(d.component() == Component.USAGE ? d.usageMicros() : d.stripeMicros()))
                .setHeader("Stripe / usage").setAutoWidth(true);
        grid.addColumn(d -> Formats.usd(d.ledgerMicros())).setHeader("Ledger").setAutoWidth(true);
        grid.addComponentColumn(d -> links(d.stripeRefs(), true)).setHeader("Stripe side");
        grid.addComponentColumn(d -> links(d.ledgerRefs(), false)).setHeader("Ledger side");
        grid.addColumn(d -> d.status().dbValue() + (d.reason() == null ? "" : ": " + d.reason()))
                .setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(d -> actions(d, closed)).setHeader("Resolve");
        grid.setItems(list);
        return grid;
    }

    private HorizontalLayout actions(Difference d, boolean closed) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (closed || d.status() != DifferenceStatus.OPEN) {
            return buttons;
        }
        if (d.differenceClass() == DifferenceClass.TIMING) {
            Button timing = new Button("Timing…", e -> new ResolveDialog(reconciliation, d, ResolveDialog.Kind.TIMING,
                    actor, this::show).open());
            timing.setId("timing-" + d.id());
            buttons.add(timing);
        }
        Button correct = new Button("Correct…", e -> new ResolveDialog(reconciliation, d, ResolveDialog.Kind.CORRECT,
                actor, this::show).open());
        correct.setId("correct-" + d.id());
        buttons.add(correct);
        return buttons;
    }

    /** Stripe ids open Stripe's dashboard search; usage ids and journal keys open the journal page. */
    private static Div links(String refs, boolean stripe) {
        Div out = new Div();
        if (refs == null || refs.isBlank()) {
            out.add(new Span("—"));
            return out;
        }
        for (String ref : refs.split(" ")) {
            String encoded = URLEncoder.encode(ref, StandardCharsets.UTF_8);
            Anchor link = stripe && !ref.startsWith("gen")
                    ? new Anchor("https://dashboard.stripe.com/search?query=" + encoded, ref)
                    : new Anchor("finance/journal?key=" + encoded, ref);
            if (stripe) {
                link.setTarget("_blank");
            }
            out.add(link, new Span(" "));
        }
        return out;
    }
}
