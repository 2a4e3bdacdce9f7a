package dev.marketplace.ui.developer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.keys.application.ApiKeyService;
import dev.marketplace.keys.application.CreatedKey;
import dev.marketplace.keys.application.KeyNotFoundException;
import dev.marketplace.keys.application.KeySpend;
import dev.marketplace.keys.application.ManagedKey;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The developer's API keys: create one with a limit and an expiry (shown once, with ready-to-run snippets), see what
 * each spent against its limit, disable, enable or delete one.
 */
@Dependent
@Route(value = "keys", layout = MainLayout.class)
@PageTitle("API keys · Model Marketplace")
public class KeysView extends Div implements BeforeEnterObserver {

    private final DeveloperAccounts accounts;
    private final ApiKeyService keys;
    private final CatalogSnapshot catalog;
    private final Checkbox showDeleted = new Checkbox("Show deleted keys");
    private long developerId;
    private PortalUser user;
    private BalanceBanner banner;
    private KeySpendGrid grid;

    @Inject
    public KeysView(DeveloperAccounts accounts, ApiKeyService keys, CatalogSnapshot catalog) {
        this.accounts = accounts;
        this.keys = keys;
        this.catalog = catalog;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.DEVELOPER, this).ifPresent(this::build);
    }

    private void build(PortalUser signedIn) {
        user = signedIn;
        developerId = accounts.ensure(user.username(), user.email());
        banner = new BalanceBanner();
        grid = new KeySpendGrid(this::setDisabled, this::delete);
        String apiBase = PortalUrls.apiBase(PortalUrls.currentOrigin());
        String model = ApiSnippets.exampleModel(catalog.liveModels().stream().map(Model::getSlug).toList());
        NewKeyForm form = new NewKeyForm(keys, developerId, created -> created(created, apiBase, model));
        showDeleted.setId("keys-show-deleted");
        showDeleted.addValueChangeListener(e -> refresh());
        add(banner, new H1("API keys"), DeveloperLinks.create(), form, new H2("Your keys"), showDeleted, grid);
        refresh();
    }

    private void created(CreatedKey created, String apiBase, String model) {
        refresh();
        new CreatedKeyDialog(created, apiBase, model).open();
    }

    private void setDisabled(ManagedKey key, boolean disabled) {
        act(() -> keys.setDisabled(developerId, key.id(), disabled),
                "Key \u201c" + key.name() + "\u201d " + (disabled ? "disabled" : "enabled"));
    }

    private void delete(ManagedKey key) {
        act(() -> keys.revoke(developerId, key.id()), "Key \u201c" + key.name() + "\u201d deleted");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done);
        } catch (KeyNotFoundException gone) {
            Notification.show("That key no longer exists.").addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (IllegalArgumentException refused) {
            Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        banner.show(accounts.summary(developerId, user.username()));
        List<KeySpend> all = keys.listWithSpend(developerId);
        grid.setItems(showDeleted.getValue() ? all : all.stream().filter(k -> !k.key().revoked()).toList());
    }
}
