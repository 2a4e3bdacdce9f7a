package dev.marketplace.ui.provider;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.billing.connect.OnboardingLink;
import dev.marketplace.onboarding.payouts.application.PayoutAccountException;
import dev.marketplace.onboarding.payouts.application.PayoutOnboarding;
import dev.marketplace.onboarding.payouts.domain.PayoutAccount;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * "Payout account": the provider's Stripe Connect Express account (details submitted, transfers capability,
 * requirements due) and one button that creates the account if needed and sends the browser to a fresh Stripe
 * onboarding link. Stripe sends the browser back to {@link PayoutReturnView} (which re-reads the account) or, for
 * an expired link, to {@link PayoutRefreshView} (which makes a new one).
 */
@Dependent
@Route(value = "provider/payouts", layout = MainLayout.class)
@PageTitle("Payout account · Model Marketplace")
public class PayoutAccountView extends Div implements BeforeEnterObserver {

    static final String RETURN_PATH = "/provider/payouts/return";
    static final String REFRESH_PATH = "/provider/payouts/refresh";

    private final PayoutOnboarding onboarding;

    @Inject
    public PayoutAccountView(PayoutOnboarding onboarding) {
        this.onboarding = onboarding;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(this::build);
    }

    /** Whether to read the account from Stripe before showing it (on return from Stripe). */
    protected boolean readFromStripeFirst() {
        return false;
    }

    private void build(PortalUser user) {
        add(new H1("Payout account"));
        if (onboarding.providerOf(user.username()).isEmpty()) {
            add(new Paragraph("Your account does not act for a provider yet: apply at /provider/apply."));
            return;
        }
        Paragraph error = new Paragraph();
        error.setId("payout-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Optional<PayoutAccount> account;
        try {
            account = readFromStripeFirst() ? onboarding.refreshFromStripe(user.username())
                    : onboarding.account(user.username());
        } catch (PayoutAccountException e) {
            error.setText(e.getMessage());
            account = onboarding.account(user.username());
        }
        Optional<ConnectedAccountStatus> status = account.map(PayoutAccount::status);
        Paragraph summary = new Paragraph(PayoutStatusText.summary(status));
        summary.setId("payout-summary");
        add(summary);
        status.ifPresent(s -> add(facts(s)));
        Button onboard = new Button(PayoutStatusText.button(status));
        onboard.setId("payout-onboard");
        onboard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        onboard.setDisableOnClick(true);
        onboard.addClickListener(click -> sendToStripe(user, onboard, error));
        add(onboard, error, new Paragraph("Stripe hosts the onboarding: we never see your bank or identity details. "
                + "Stripe's onboarding links work once and for a few minutes; this button always makes a fresh one."));
    }

    private static Div facts(ConnectedAccountStatus status) {
        Div facts = new Div();
        facts.setId("payout-status");
        for (PayoutStatusText.Fact fact : PayoutStatusText.facts(status)) {
            Span value = new Span(fact.value());
            value.setId(fact.id());
            facts.add(new Div(new Span(fact.label() + ": "), value));
        }
        return facts;
    }

    private void sendToStripe(PortalUser user, Button onboard, Paragraph error) {
        String origin = PortalUrls.currentOrigin();
        try {
            OnboardingLink link = onboarding.startOnboarding(user.username(), origin + REFRESH_PATH, origin + RETURN_PATH);
            getUI().ifPresent(ui -> ui.getPage().setLocation(link.url()));
        } catch (PayoutAccountException e) {
            error.setText(e.getMessage());
            onboard.setEnabled(true);
        }
    }
}
