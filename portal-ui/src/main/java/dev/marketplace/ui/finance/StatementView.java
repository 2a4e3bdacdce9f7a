package dev.marketplace.ui.finance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.checkout.PaymentProviderException;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementLine;
import dev.marketplace.billing.settlements.StatementStateException;
import dev.marketplace.billing.settlements.StatementStatus;
import dev.marketplace.onboarding.finance.FinanceDesk;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One statement for finance: its figures, lines (usage per model and day, adjustments with their reason), the four-eyes
 * buttons and the payout, with the CSV and the printable page a provider also gets.
 */
@Dependent
@Route(value = "finance/settlements/:id", layout = MainLayout.class)
@PageTitle("Statement · Model Marketplace")
public class StatementView extends Div implements BeforeEnterObserver {

    private final FinanceDesk desk;
    private final Span actionError = new Span();
    private PortalUser user;
    private long statementId;

    @Inject
    public StatementView(FinanceDesk desk) {
        this.desk = desk;
        addClassName("portal-page");
        actionError.setId("statement-action-error");
        actionError.addClassName("portal-error");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.FINANCE, this).ifPresent(u -> {
            user = u;
            Optional<Long> id = event.getRouteParameters().get("id").filter(s -> s.matches("[0-9]{1,18}"))
                    .map(Long::parseLong);
            if (id.isEmpty() || desk.statement(id.get()).isEmpty()) {
                add(new H1("No such statement"), new Anchor("/finance/settlements", "All statements"));
                return;
            }
            statementId = id.get();
            render();
        });
    }

    private void render() {
        removeAll();
        Statement s = desk.statement(statementId).orElseThrow();
        add(new H1("Statement #" + s.id()), new Anchor("/finance/settlements", "All statements"));
        Paragraph figures = new Paragraph(StatementTexts.summary(s));
        figures.setId("statement-summary");
        Span state = new Span("Status: " + s.status().columnValue()
                + (s.preparedBy() == null ? "" : " · prepared by " + s.preparedBy())
                + (s.approvedBy() == null ? "" : " · approved by " + s.approvedBy()));
        state.setId("statement-status");
        add(figures, state, actions(s), actionError, exports(s));
        desk.payout(statementId).ifPresent(p -> {
            Paragraph payout = new Paragraph("Payout: " + p.amountCents() + " cents to " + p.destination() + " · transfer "
                    + (p.transferId() == null ? "(not confirmed yet: pay again to finish)" : p.transferId())
                    + " · " + p.status().columnValue()
                    + (p.reversedCents() > 0 ? " · " + p.reversedCents() + " cents reversed" : ""));
            payout.setId("statement-payout");
            add(payout);
        });
        add(new H2("Lines"), lines(s));
    }

    private HorizontalLayout actions(Statement s) {
        Button prepare = button("prepare-statement", "Prepare", s.status() == StatementStatus.DRAFT,
                () -> desk.prepare(statementId, user.username()));
        Button approve = button("approve-statement", "Approve", s.status() == StatementStatus.PREPARED,
                () -> desk.approve(statementId, user.username()));
        Button pay = button("pay-statement", "Pay by transfer", s.status() == StatementStatus.APPROVED
                && s.payoutMicros() > 0, () -> desk.pay(statementId, user.username()));
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new HorizontalLayout(prepare, approve, pay);
    }

    private Button button(String id, String text, boolean enabled, Supplier<?> action) {
        Button button = new Button(text, click -> {
            actionError.setText("");
            try {
                action.get();
                render();
            } catch (StatementStateException | PaymentProviderException e) {
                actionError.setText(e.getMessage());
            }
        });
        button.setId(id);
        button.setEnabled(enabled);
        button.setDisableOnClick(true);
        return button;
    }

    private HorizontalLayout exports(Statement s) {
        Anchor csv = new Anchor(StatementExportServlet.href(s.id(), "csv"), "Download CSV");
        csv.setRouterIgnore(true);
        csv.setId("statement-csv");
        Anchor print = new Anchor(StatementExportServlet.href(s.id(), "html"), "Printable statement");
        print.setRouterIgnore(true);
        print.setTarget("_blank");
        print.setId("statement-print");
        return new HorizontalLayout(csv, print);
    }

    private Grid<StatementLine> lines(Statement s) {
        Grid<StatementLine> grid = new Grid<>(StatementLine.class, false);
        grid.setId("statement-lines");
        grid.addColumn(l -> l.kind().name().toLowerCase(java.util.Locale.ROOT)).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(StatementLine::day).setHeader("Day (UTC)").setAutoWidth(true);
        grid.addColumn(StatementLine::model).setHeader("Model").setAutoWidth(true);
        grid.addColumn(StatementLine::requests).setHeader("Requests").setAutoWidth(true);
        grid.addColumn(l -> l.promptTokens() + " / " + l.completionTokens()).setHeader("Tokens in / out")
                .setAutoWidth(true);
        grid.addColumn(l -> Formats.usd(l.grossMicros())).setHeader("Gross").setAutoWidth(true);
        grid.addColumn(l -> Formats.usd(l.feeMicros())).setHeader("Fee").setAutoWidth(true);
        grid.addColumn(l -> Formats.usd(l.netMicros())).setHeader("Net").setAutoWidth(true);
        grid.addColumn(l -> l.reason() == null ? "" : l.reason()).setHeader("Reason").setAutoWidth(true);
        grid.setItems(desk.lines(s.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }
}
