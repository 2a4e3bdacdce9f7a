package dev.marketplace.ui.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.topup.AutoTopUpSettings;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.payments.application.PaymentSettings;
import dev.marketplace.payments.application.PaymentSettingsView;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Auto top-up and the low-balance alert of the signed-in developer. */
@Dependent
@Route(value = "developer/billing", layout = MainLayout.class)
@PageTitle("Billing settings · Model Marketplace")
public class BillingSettingsView extends Div implements BeforeEnterObserver {

    private static final String DEFAULT_THRESHOLD_USD = "5";
    private static final String DEFAULT_AMOUNT_USD = "25";

    private final DeveloperAccounts accounts;
    private final PaymentSettings settings;

    @Inject
    public BillingSettingsView(DeveloperAccounts accounts, PaymentSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(user -> show(
                accounts.ensure(user.username(), user.email())));
    }

    private void show(long developerId) {
        removeAll();
        PaymentSettingsView view = settings.view(developerId);
        add(new H1("Billing settings"));
        BillingTexts.lowBalanceNotice(view).ifPresent(text -> add(paragraph("low-balance-notice", text)));
        add(new H2("Auto top-up"), paragraph("saved-card", BillingTexts.card(view.autoTopUp())),
                paragraph("auto-top-up-state", BillingTexts.state(view.autoTopUp())));
        BillingTexts.failure(view.autoTopUp()).ifPresent(text -> add(paragraph("auto-top-up-failure", text)));
        add(autoTopUpForm(developerId, view), new H2("Low-balance alert"), alertForm(developerId, view));
    }

    private Div autoTopUpForm(long developerId, PaymentSettingsView view) {
        AutoTopUpSettings current = view.autoTopUp().settings().orElse(null);
        Checkbox enabled = new Checkbox("Top up automatically", current != null && current.enabled());
        enabled.setId("auto-top-up-enabled");
        TextField threshold = usdField("When available credit falls below ($)", "auto-top-up-threshold",
                current == null ? DEFAULT_THRESHOLD_USD : BillingTexts.editable(current.thresholdMicros()));
        TextField amount = usdField("Add this amount ($5 to $10,000)", "auto-top-up-amount",
                current == null ? DEFAULT_AMOUNT_USD : BillingTexts.editable(current.amountMicros()));
        Button save = new Button("Save auto top-up", click -> saved(developerId,
                () -> settings.saveAutoTopUp(developerId, enabled.getValue(), threshold.getValue(),
                        amount.getValue())));
        save.setId("save-auto-top-up");
        return new Div(enabled, threshold, amount, save);
    }

    private Div alertForm(long developerId, PaymentSettingsView view) {
        TextField threshold = usdField("Alert me below ($; empty for no alert)", "alert-threshold",
                view.alertThresholdMicros().isPresent() ? BillingTexts.editable(view.alertThresholdMicros().getAsLong())
                        : "");
        Button save = new Button("Save alert", click -> saved(developerId,
                () -> settings.saveAlert(developerId, threshold.getValue())));
        save.setId("save-alert");
        return new Div(threshold, save);
    }

    /** Runs the change; a refused value is shown to the developer, the page is redrawn after a change. */
    private void saved(long developerId, Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException refused) {
            Notification.show(refused.getMessage(), 6_000, Notification.Position.MIDDLE).setId("settings-error");
            return;
        }
        Notification.show("Saved", 2_000, Notification.Position.BOTTOM_START);
        show(developerId);
    }

    private static TextField usdField(String label, String id, String value) {
        TextField field = new TextField(label, value, "");
        field.setId(id);
        return field;
    }

    private static Paragraph paragraph(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }
}
