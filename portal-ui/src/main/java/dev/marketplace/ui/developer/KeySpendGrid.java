package dev.marketplace.ui.developer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.marketplace.keys.application.KeySpend;
import dev.marketplace.keys.application.ManagedKey;
import dev.marketplace.ui.shell.Formats;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The developer's keys with what each spent: status, limit and reset, used in the current limit period and in all,
 * remaining, last used, expiry; and the actions disable/enable and delete (confirmed).
 */
class KeySpendGrid extends Grid<KeySpend> {

    private final BiConsumer<ManagedKey, Boolean> setDisabled;
    private final Consumer<ManagedKey> delete;

    KeySpendGrid(BiConsumer<ManagedKey, Boolean> setDisabled, Consumer<ManagedKey> delete) {
        this.setDisabled = setDisabled;
        this.delete = delete;
        setId("keys-page-grid");
        addColumn(k -> k.key().name()).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        addColumn(k -> k.key().hint()).setHeader("Key").setAutoWidth(true);
        addColumn(k -> KeyStatus.of(k.key(), Instant.now())).setHeader("Status").setAutoWidth(true);
        addColumn(k -> KeyStatus.limit(k.key())).setHeader("Limit").setAutoWidth(true);
        number(addColumn(k -> Formats.usd(k.key().usage().sinceReset(k.key().limitReset()))).setHeader("Used (period)"));
        number(addColumn(k -> k.key().limitRemainingMicros() == null ? "—" : Formats.usd(k.key().limitRemainingMicros()))
                .setHeader("Remaining"));
        number(addColumn(k -> Formats.usd(k.key().usage().totalMicros())).setHeader("Used (all time)"));
        addColumn(k -> k.lastUsedAt() == null ? "never" : Formats.time(k.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        addColumn(k -> k.key().expiresAt() == null ? "never" : Formats.time(k.key().expiresAt())).setHeader("Expires").setAutoWidth(true);
        addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        setAllRowsVisible(true);
        setEmptyStateText("No keys: create one above to call the API.");
    }

    private Component actions(KeySpend row) {
        ManagedKey key = row.key();
        if (key.revoked()) {
            return new HorizontalLayout();
        }
        Button toggle = new Button(key.disabled() ? "Enable" : "Disable", e -> setDisabled.accept(key, !key.disabled()));
        toggle.setAriaLabel((key.disabled() ? "Enable " : "Disable ") + key.name());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button remove = new Button("Delete", e -> confirmDelete(key));
        remove.setAriaLabel("Delete " + key.name());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(toggle, remove);
    }

    private void confirmDelete(ManagedKey key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete key \u201c" + key.name() + "\u201d?");
        confirm.setText("Calls with this key will be refused within seconds. This cannot be undone; its usage stays "
                + "in your activity.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete key");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete.accept(key));
        confirm.open();
    }

    private static void number(Column<KeySpend> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
