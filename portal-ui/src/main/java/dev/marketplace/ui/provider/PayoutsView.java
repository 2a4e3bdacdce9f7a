package dev.marketplace.ui.provider;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.payouts.ConnectPayout;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.onboarding.finance.FinanceDesk;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A provider's statements (its own, from the signed-in member) with their CSV and printable page, and the bank payouts
 * of its connected account as Stripe reported them (information: they move none of the marketplace's money).
 */
@Dependent
@Route(value = "provider/statements", layout = MainLayout.class)
@PageTitle("Statements and payouts · Model Marketplace")
public class PayoutsView extends Div implements BeforeEnterObserver {

    static final int LISTED = 200;
    private final FinanceDesk desk;

    @Inject
    public PayoutsView(FinanceDesk desk) {
        this.desk = desk;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(user -> {
            Optional<Long> provider = desk.providerOf(user.username());
            add(new H1("Statements and payouts"));
            if (provider.isEmpty()) {
                add(new Paragraph("You do not act for a provider yet."));
                return;
            }
            add(new Paragraph("Statements are made per period once it has closed; an approved statement is paid by "
                    + "transfer to your connected Stripe account. Amounts below the minimum payout carry over."),
                    statements(provider.get()), new H2("Bank payouts of your Stripe account"), bankPayouts(provider.get()));
        });
    }

    private Grid<Statement> statements(long providerId) {
        Grid<Statement> grid = new Grid<>(Statement.class, false);
        grid.setId("provider-statements");
        grid.addColumn(s -> "#" + s.id()).setHeader("Statement").setAutoWidth(true);
        grid.addColumn(s -> Formats.time(s.period().start()) + " – " + Formats.time(s.period().end()))
                .setHeader("Period").setAutoWidth(true);
        grid.addColumn(s -> s.status().columnValue()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(s -> Formats.usd(s.netMicros())).setHeader("Net").setAutoWidth(true);
        grid.addColumn(s -> Formats.usd(s.payoutMicros())).setHeader("Payout").setAutoWidth(true);
        grid.addColumn(s -> Formats.usd(s.carriedOutMicros())).setHeader("Carried over").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Anchor csv = new Anchor("/export/statements/" + s.id() + ".csv", "CSV");
            csv.setRouterIgnore(true);
            Anchor print = new Anchor("/export/statements/" + s.id() + ".html", "Printable");
            print.setRouterIgnore(true);
            print.setTarget("_blank");
            return new HorizontalLayout(csv, print);
        }).setHeader("Download").setAutoWidth(true);
        grid.setItems(desk.statements(providerId, LISTED));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<ConnectPayout> bankPayouts(long providerId) {
        Grid<ConnectPayout> grid = new Grid<>(ConnectPayout.class, false);
        grid.setId("provider-bank-payouts");
        grid.addColumn(ConnectPayout::payoutId).setHeader("Payout").setAutoWidth(true);
        grid.addColumn(p -> p.amountCents() / 100 + "." + String.format("%02d", Math.abs(p.amountCents() % 100)) + " "
                + p.currency().toUpperCase(java.util.Locale.ROOT)).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(p -> p.status() + (p.failureMessage() == null ? "" : ": " + p.failureMessage()))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(p -> Formats.time(p.arrivalDate())).setHeader("Arrival").setAutoWidth(true);
        grid.setItems(desk.bankPayouts(providerId));
        grid.setAllRowsVisible(true);
        return grid;
    }
}
