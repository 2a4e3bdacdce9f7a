package dev.marketplace.ui.credits;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.checkout.InvalidPurchaseException;
import dev.marketplace.billing.checkout.PaymentProviderException;
import dev.marketplace.billing.checkout.PurchaseHistory;
import dev.marketplace.billing.checkout.StartCheckout;
import dev.marketplace.billing.checkout.StartedCheckout;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Buy credit: type an amount (Enter or "Buy" pays), see what the card will be charged with the purchase fee, go
 * to Stripe Checkout; below, the purchase history with receipts.
 */
@Dependent
@Route(value = "credits", layout = MainLayout.class)
@PageTitle("Credits · Model Marketplace")
public class CreditsView extends Div implements BeforeEnterObserver {

    static final String SUCCESS_PATH = "/credits/success?session_id={CHECKOUT_SESSION_ID}";
    static final String CANCEL_PATH = "/credits/cancel";

    private final DeveloperAccounts accounts;
    private final StartCheckout checkout;
    private final PurchaseHistory history;

    @Inject
    public CreditsView(DeveloperAccounts accounts, StartCheckout checkout, PurchaseHistory history) {
        this.accounts = accounts;
        this.checkout = checkout;
        this.history = history;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        long developerId = accounts.ensure(user.username(), user.email());
        Span balance = new Span(Formats.usd(accounts.summary(developerId, user.username()).balanceMicros()));
        balance.setId("balance");
        balance.addClassName("value");
        Span caption = new Span("Balance");
        caption.addClassName("label");
        Div figure = new Div(caption, balance);
        figure.addClassName("portal-figure");

        TextField amount = new TextField("Amount (USD)");
        amount.setId("amount");
        amount.setPrefixComponent(new Span("$"));
        amount.setPlaceholder("25.00");
        amount.setValue("25.00");
        amount.setManualValidation(true);
        amount.setValueChangeMode(ValueChangeMode.EAGER);
        Paragraph quote = new Paragraph();
        quote.setId("quote");
        Button buy = new Button("Buy credit", e -> buy(developerId, user.email(), amount));
        buy.setId("buy");
        buy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        buy.addClickShortcut(Key.ENTER).listenOn(amount).resetFocusOnActiveElement();
        amount.addValueChangeListener(e -> showQuote(amount, quote, buy));
        showQuote(amount, quote, buy);
        HorizontalLayout form = new HorizontalLayout(amount, buy);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        Paragraph limits = new Paragraph(PurchaseForm.limits(checkout.fee())
                + " You pay on Stripe's secure Checkout page and come back here.");
        limits.addClassName("portal-note");
        add(new H1("Credits"), figure, new H2("Buy credit"), limits, form, quote,
                new H2("Purchases"), new PurchaseGrid(history, developerId));
    }

    private void showQuote(TextField amount, Paragraph quote, Button buy) {
        PurchaseForm.Reading reading = PurchaseForm.read(amount.getValue(), checkout.fee());
        amount.setInvalid(!reading.valid());
        amount.setErrorMessage(reading.error());
        quote.setText(reading.valid() ? PurchaseForm.describe(reading.quote()) : "");
        buy.setEnabled(reading.valid());
    }

    private void buy(long developerId, String email, TextField amount) {
        PurchaseForm.Reading reading = PurchaseForm.read(amount.getValue(), checkout.fee());
        if (!reading.valid()) {
            amount.setErrorMessage(reading.error());
            amount.setInvalid(true);
            return;
        }
        String origin = PortalUrls.currentOrigin();
        try {
            StartedCheckout started = checkout.start(developerId, email, reading.quote().creditCents(),
                    origin + SUCCESS_PATH, origin + CANCEL_PATH);
            getUI().ifPresent(ui -> ui.getPage().setLocation(started.url()));
        } catch (InvalidPurchaseException e) {
            amount.setErrorMessage(e.getMessage());
            amount.setInvalid(true);
        } catch (PaymentProviderException e) {
            amount.setErrorMessage("Stripe is not reachable right now; nothing was charged. Try again in a minute.");
            amount.setInvalid(true);
        }
    }
}
