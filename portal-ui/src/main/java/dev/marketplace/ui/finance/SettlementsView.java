package dev.marketplace.ui.finance;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.settlements.SettlementPayee;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.onboarding.finance.FinanceDesk;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Settlement runs and the list of statements. A run settles every closed period since each provider's last statement
 * (or one provider's); it works in the background and the page polls for its progress, one step per provider.
 */
@Dependent
@Route(value = "finance/settlements", layout = MainLayout.class)
@PageTitle("Settlements · Model Marketplace")
public class SettlementsView extends Div implements BeforeEnterObserver {

    static final int POLL_MS = 500;
    private static final Logger LOG = Logger.getLogger(SettlementsView.class.getName());
    static final int LISTED = 200;

    private final FinanceDesk desk;
    @Resource
    ManagedExecutorService executor;
    private final ComboBox<SettlementPayee> provider = new ComboBox<>("Provider");
    private final Button run = new Button("Run settlement");
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Grid<Statement> grid = new Grid<>(Statement.class, false);
    private final SettlementSettingForm setting;
    private Map<Long, String> names = Map.of();
    private PortalUser user;

    @Inject
    public SettlementsView(FinanceDesk desk) {
        this.desk = desk;
        this.setting = new SettlementSettingForm(desk);
        addClassName("portal-page");
        provider.setId("settlement-provider");
        provider.setPlaceholder("All providers");
        provider.setClearButtonVisible(true);
        provider.setItemLabelGenerator(p -> p.name() + " (#" + p.providerId() + ")");
        provider.addValueChangeListener(change -> setting.show(change.getValue(), user == null ? null : user.username()));
        run.setId("run-settlement");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> start());
        progress.setId("settlement-progress");
        progress.setVisible(false);
        status.setId("settlement-status");
        grid.setId("statements");
        grid.addComponentColumn(s -> new Anchor("/finance/settlements/" + s.id(), "#" + s.id())).setHeader("Statement")
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(s -> names.getOrDefault(s.providerId(), "#" + s.providerId())).setHeader("Provider")
                .setAutoWidth(true);
        grid.addColumn(s -> Formats.time(s.period().start()) + " – " + Formats.time(s.period().end()))
                .setHeader("Period").setAutoWidth(true);
        grid.addColumn(s -> s.status().columnValue()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(Statement::requests).setHeader("Requests").setAutoWidth(true);
        grid.addColumn(s -> Formats.usd(s.netMicros())).setHeader("Net").setAutoWidth(true);
        grid.addColumn(s -> Formats.usd(s.payoutMicros())).setHeader("Payout").setAutoWidth(true);
        grid.addColumn(s -> Formats.usd(s.carriedOutMicros())).setHeader("Carried over").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.FINANCE, this).ifPresent(u -> {
            user = u;
            List<SettlementPayee> payees = desk.providers();
            names = payees.stream().collect(Collectors.toMap(SettlementPayee::providerId, SettlementPayee::name,
                    (a, b) -> a));
            provider.setItems(payees);
            // ?provider=<id> preselects one provider (a link from elsewhere, or a test)
            event.getLocation().getQueryParameters().getSingleParameter("provider").filter(v -> v.matches("[0-9]{1,18}"))
                    .flatMap(v -> payees.stream().filter(p -> p.providerId() == Long.parseLong(v)).findFirst())
                    .ifPresent(provider::setValue);
            add(new H1("Settlements"), new Paragraph("A run makes a statement for every closed period (UTC, by posting "
                    + "time, after the grace window) since each provider's last one; running again never makes a "
                    + "second statement of a period. One finance user prepares a statement, another approves it; an "
                    + "approved statement is paid by Stripe Transfer."),
                    new HorizontalLayout(provider, run), setting, progress, status, grid);
            setting.show(provider.getValue(), u.username());
            refresh();
        });
    }

    private void start() {
        UI ui = UI.getCurrent();
        SettlementPayee only = provider.getValue();
        String actor = user.username();
        run.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText("Starting…");
        ui.setPollInterval(POLL_MS);
        executor.submit(() -> {
            try {
                List<Statement> made = desk.run(only == null ? null : only.providerId(), actor,
                        (done, total, payee, statements) -> ui.access(() -> {
                            progress.setValue(total == 0 ? 1 : (double) done / total);
                            status.setText(done + " of " + total + " providers settled (" + payee.name() + ": "
                                    + statements.size() + " new statements)");
                        }));
                ui.access(() -> finish("Run finished: " + made.size() + " new statements."));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "settlement run by " + actor + " failed", e);
                ui.access(() -> finish("Run failed: " + e.getMessage()));
            }
        });
    }

    private void finish(String text) {
        status.setText(text);
        progress.setValue(1);
        run.setEnabled(true);
        UI.getCurrent().setPollInterval(-1);
        refresh();
    }

    private void refresh() {
        grid.setItems(desk.statements(null, LISTED));
    }

}
