package dev.marketplace.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.marketplace.onboarding.admin.AdminActionException;
import dev.marketplace.onboarding.admin.AdminReasons;
import java.util.function.Consumer;

/** Asks for the reason of an admin action on a provider (audited and told to the provider) and acts only with one. */
class ActionReasonDialog extends Dialog {

    ActionReasonDialog(String title, String confirmLabel, Consumer<String> action) {
        setHeaderTitle(title);
        TextArea reason = new TextArea("Reason (the provider and the audit log see it)");
        reason.setId("action-reason");
        reason.setWidthFull();
        reason.setMaxLength(AdminReasons.MAX_LENGTH);
        reason.setValueChangeMode(ValueChangeMode.EAGER); // the confirm button may be pressed without leaving the field
        Button confirm = new Button(confirmLabel, click -> {
            try {
                action.accept(reason.getValue());
                close();
            } catch (AdminActionException e) {
                reason.setInvalid(true);
                reason.setErrorMessage(e.getMessage());
            }
        });
        confirm.setId("action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(reason);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        reason.focus();
    }
}
