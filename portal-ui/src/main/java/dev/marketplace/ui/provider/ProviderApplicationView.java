package dev.marketplace.ui.provider;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.signup.application.ApplicationSummary;
import dev.marketplace.onboarding.signup.application.ProviderSignup;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.SignedIn;
import dev.marketplace.ui.shell.PortalUser;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Becoming a provider, for any signed-in user: the application form, or where the latest application stands. An
 * approved applicant is told that the role appears with the next sign-in (tokens are not changed in place).
 */
@Dependent
@Route(value = "provider/apply", layout = MainLayout.class)
@PageTitle("Become a provider · Model Marketplace")
public class ProviderApplicationView extends Div implements BeforeEnterObserver {

    private final ProviderSignup signup;

    @Inject
    public ProviderApplicationView(ProviderSignup signup) {
        this.signup = signup;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        SignedIn.admit(event, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        removeAll();
        add(new H1("Become a provider"));
        if (user.hasRole(PortalUser.PROVIDER)) {
            add(new Paragraph("You are a provider."), new Anchor("/provider", "Open the Provider area"));
            return;
        }
        ApplicationSummary latest = signup.latest(user.username()).orElse(null);
        if (latest != null) {
            Paragraph status = new Paragraph(ApplicationStatusText.describe(latest));
            status.setId("apply-status");
            add(status);
            if (latest.status().equals(ApplicationSummary.APPROVED)) {
                add(MainLayout.fullPageLink("/logout", "Sign out now", "apply-sign-out"));
            }
        } else {
            add(new Paragraph("Sell access to your models on the marketplace. Tell us who you are; an administrator "
                    + "reviews every application."));
        }
        if (ApplicationStatusText.mayApply(latest)) {
            add(new ApplicationFormPanel(form -> {
                signup.apply(user.username(), form);
                build(user);
            }));
        }
    }
}
