package dev.marketplace.ui.credits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.checkout.PurchaseAmounts;
import dev.marketplace.billing.checkout.PurchaseHistory;
import dev.marketplace.billing.purchases.PurchaseRecord;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** A printable receipt of one paid purchase; another developer's purchase is "not found". */
@Dependent
@Route(value = "credits/receipt/:session", layout = MainLayout.class)
@PageTitle("Receipt · Model Marketplace")
public class ReceiptView extends Div implements BeforeEnterObserver {

    private final DeveloperAccounts accounts;
    private final PurchaseHistory history;

    @Inject
    public ReceiptView(DeveloperAccounts accounts, PurchaseHistory history) {
        this.accounts = accounts;
        this.history = history;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String session = event.getRouteParameters().get("session").orElse("");
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(user -> build(user, session));
    }

    private void build(PortalUser user, String sessionId) {
        long developerId = accounts.ensure(user.username(), user.email());
        Optional<PurchaseRecord> found = history.receipt(developerId, sessionId);
        if (found.isEmpty() || !found.get().isPaid()) {
            add(new H1("Receipt not found"), new Paragraph("There is no paid purchase " + sessionId
                    + " on your account."));
            return;
        }
        PurchaseRecord p = found.get();
        Div receipt = new Div();
        receipt.setId("receipt");
        receipt.addClassName("portal-receipt");
        receipt.add(new H1("Receipt"),
                line("Customer", user.username() + (user.email() == null ? "" : " <" + user.email() + ">")),
                line("Paid", Formats.time(p.paidAt())),
                line("Credit", PurchaseAmounts.usd(p.creditCents())),
                line("Purchase fee", PurchaseAmounts.usd(p.feeCents())),
                line("Total charged", PurchaseAmounts.usd(p.totalCents())),
                line("Checkout session", p.sessionId()),
                line("Payment", p.paymentIntentId() == null ? "" : p.paymentIntentId()));
        Button print = new Button("Print", e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("print");
        print.addClassName("portal-no-print");
        add(receipt, print);
    }

    private static Paragraph line(String label, String value) {
        Span name = new Span(label + ": ");
        name.addClassName("label");
        return new Paragraph(name, new Span(value));
    }
}
