package dev.marketplace.ui.developer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.developers.application.DeveloperSummary;
import dev.marketplace.keys.application.ApiKeyService;
import dev.marketplace.metering.application.UsageQueries;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * A developer's home: credit (with a banner when it is low or gone), links to the keys, activity and credits pages,
 * API access, keys and recent calls. The developer account is created on the first
 * visit, from the signed-in username.
 */
@Dependent
@Route(value = "developer", layout = MainLayout.class)
@PageTitle("Developer · Model Marketplace")
public class DeveloperView extends Div implements BeforeEnterObserver {

    private final DeveloperAccounts accounts;
    private final ApiKeyService keys;
    private final UsageQueries usage;

    @Inject
    public DeveloperView(DeveloperAccounts accounts, ApiKeyService keys, UsageQueries usage) {
        this.accounts = accounts;
        this.keys = keys;
        this.usage = usage;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        long developerId = accounts.ensure(user.username(), user.email());
        BalanceBanner banner = new BalanceBanner();
        CreditPanel credit = new CreditPanel();
        RecentCallsPanel calls = new RecentCallsPanel();
        Runnable refresh = () -> {
            DeveloperSummary summary = accounts.summary(developerId, user.username());
            banner.show(summary);
            credit.show(summary);
            calls.show(usage.recent(developerId, RecentCallsPanel.SHOWN_CALLS));
        };
        calls.onRefresh(refresh);
        refresh.run();
        add(banner, new H1("Welcome, " + user.username()), DeveloperLinks.create(), credit,
                new ApiAccessPanel(PortalUrls.currentOrigin()),
                new KeysPanel(keys, developerId), calls);
    }
}
