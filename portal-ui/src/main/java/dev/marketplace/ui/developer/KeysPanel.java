package dev.marketplace.ui.developer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.keys.application.ApiKeyService;
import dev.marketplace.keys.application.ApiKeySummary;
import dev.marketplace.keys.application.IssuedApiKey;
import dev.marketplace.keys.application.KeyNotFoundException;
import dev.marketplace.ui.shell.Formats;

/** The developer's API keys: issue one (its secret is shown once, in a dialog), list them, revoke one. */
class KeysPanel extends Div {

    private final ApiKeyService keys;
    private final long developerId;
    private final TextField name = new TextField();
    private final Grid<ApiKeySummary> grid = new Grid<>();

    KeysPanel(ApiKeyService keys, long developerId) {
        this.keys = keys;
        this.developerId = developerId;

        name.setId("create-key-name");
        name.setPlaceholder("Key name, e.g. my-laptop");
        name.setAriaLabel("New key name");
        name.setManualValidation(true);
        name.addValueChangeListener(event -> name.setInvalid(false));
        Button create = new Button("Create key", event -> create());
        create.setId("create-key-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the reset makes the field send its value before the shortcut's click
        create.addClickShortcut(Key.ENTER).listenOn(name).resetFocusOnActiveElement();
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("keys-grid");
        grid.addColumn(ApiKeySummary::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(ApiKeySummary::hint).setHeader("Key");
        grid.addColumn(key -> Formats.time(key.createdAt())).setHeader("Created").setFlexGrow(2);
        grid.addColumn(key -> key.active() ? "Active" : "Revoked " + Formats.time(key.revokedAt()))
                .setHeader("Status").setFlexGrow(2);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No keys yet: create one to call the API.");

        add(new H2("API keys"), form, grid);
        refresh();
    }

    private void create() {
        try {
            IssuedApiKey issued = keys.issue(developerId, name.getValue());
            name.clear();
            refresh();
            new NewKeyDialog(issued).open();
        } catch (IllegalArgumentException invalid) {
            name.setErrorMessage(invalid.getMessage());
            name.setInvalid(true);
        }
    }

    private Component revokeButton(ApiKeySummary key) {
        if (!key.active()) {
            return new Span();
        }
        Button revoke = new Button("Revoke", event -> confirmRevoke(key));
        revoke.setId("revoke-" + key.id());
        revoke.setAriaLabel("Revoke " + key.name());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void confirmRevoke(ApiKeySummary key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke key \u201c" + key.name() + "\u201d?");
        confirm.setText("Calls with this key will be refused within seconds. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke key");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> revoke(key));
        confirm.open();
    }

    private void revoke(ApiKeySummary key) {
        try {
            keys.revoke(developerId, key.id());
            Notification.show("Key \u201c" + key.name() + "\u201d revoked");
        } catch (KeyNotFoundException gone) {
            Notification.show("That key no longer exists.").addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.list(developerId));
    }
}
