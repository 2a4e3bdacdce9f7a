package dev.marketplace.ui.finance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.approvals.FinanceRequest;
import dev.marketplace.billing.approvals.FinanceRequestException;
import dev.marketplace.billing.approvals.RequestKind;
import dev.marketplace.billing.checkout.PaymentProviderException;
import dev.marketplace.billing.money.Money;
import dev.marketplace.onboarding.finance.FinanceDesk;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Credit grants, refunds of unused credit and bad-debt write-offs: one finance user requests with a reason, another
 * approves (which applies it) or rejects. The requester's own requests have no decision buttons; the server refuses
 * them anyway.
 */
@Dependent
@Route(value = "finance/credits", layout = MainLayout.class)
@PageTitle("Credit requests · Model Marketplace")
public class FinanceRequestsView extends Div implements BeforeEnterObserver {

    private static final Map<RequestKind, String> LABELS = Map.of(RequestKind.CREDIT_GRANT, "Grant credit",
            RequestKind.CREDIT_REFUND, "Refund unused credit", RequestKind.BAD_DEBT, "Write off bad debt");

    private final FinanceDesk desk;
    private final Select<RequestKind> kind = new Select<>();
    private final IntegerField developer = new IntegerField("Developer id");
    private final TextField amount = new TextField("Amount (USD)");
    private final TextArea reason = new TextArea("Reason");
    private final Span formError = new Span();
    private final Grid<FinanceRequest> grid = new Grid<>(FinanceRequest.class, false);
    private PortalUser user;

    @Inject
    public FinanceRequestsView(FinanceDesk desk) {
        this.desk = desk;
        addClassName("portal-page");
        kind.setLabel("Kind");
        kind.setId("request-kind");
        kind.setItems(RequestKind.values());
        kind.setItemLabelGenerator(LABELS::get);
        kind.setValue(RequestKind.CREDIT_GRANT);
        developer.setId("request-developer");
        developer.setMin(1);
        amount.setId("request-amount");
        amount.setPlaceholder("10.00");
        reason.setId("request-reason");
        reason.setMaxLength(500);
        reason.setWidth("30em");
        formError.setId("request-error");
        formError.addClassName("portal-error");
        grid.setId("finance-requests");
        grid.addColumn(r -> "#" + r.id()).setHeader("Request").setAutoWidth(true);
        grid.addColumn(r -> LABELS.get(r.kind())).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(FinanceRequest::developerId).setHeader("Developer").setAutoWidth(true);
        grid.addColumn(r -> Formats.usd(r.amountMicros())).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(FinanceRequest::reason).setHeader("Reason").setAutoWidth(true);
        grid.addColumn(FinanceRequest::requestedBy).setHeader("Requested by").setAutoWidth(true);
        grid.addColumn(r -> r.status() + (r.decidedBy() == null ? "" : " by " + r.decidedBy())
                + (r.outcome() == null ? "" : " (" + r.outcome() + ")")).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::decision).setHeader("Decision").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.FINANCE, this).ifPresent(u -> {
            user = u;
            Button submit = new Button("Request", click -> submit());
            submit.setId("request-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new H1("Credit requests"), new Paragraph("Every request needs a reason and the approval of a second "
                    + "finance user; the approval applies it. A refund of unused credit is refunded by Stripe on the "
                    + "developer's latest payment that covers it; the credit goes down when Stripe confirms."),
                    new HorizontalLayout(kind, developer, amount), reason, submit, formError, new H2("Requests"), grid);
            refresh();
        });
    }

    private void submit() {
        formError.setText("");
        amount.setInvalid(false);
        developer.setInvalid(false);
        if (developer.getValue() == null || developer.getValue() < 1) {
            developer.setErrorMessage("A developer id");
            developer.setInvalid(true);
            return;
        }
        long micros;
        try {
            micros = Money.parseUsdMicros(amount.getValue().strip());
        } catch (IllegalArgumentException e) {
            amount.setErrorMessage("Dollars, e.g. 12.50");
            amount.setInvalid(true);
            return;
        }
        try {
            desk.request(kind.getValue(), developer.getValue(), micros, reason.getValue(), user.username());
            reason.clear();
            amount.clear();
        } catch (FinanceRequestException e) {
            formError.setText(e.getMessage());
        }
        refresh();
    }

    private HorizontalLayout decision(FinanceRequest r) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (!"requested".equals(r.status()) || r.requestedBy().equals(user.username())) {
            return buttons;
        }
        Button approve = new Button("Approve", click -> decide(() -> desk.approveRequest(r.id(), user.username())));
        approve.setId("approve-request-" + r.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        Button reject = new Button("Reject", click -> decide(() -> desk.rejectRequest(r.id(), user.username())));
        reject.setId("reject-request-" + r.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        buttons.add(approve, reject);
        return buttons;
    }

    private void decide(Runnable action) {
        formError.setText("");
        try {
            action.run();
        } catch (FinanceRequestException | PaymentProviderException e) {
            formError.setText(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(desk.requests());
    }
}
