package dev.marketplace.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks for the reason of an admin decision that the provider is told (a rejection, a suspension) and decides only
 * with one: {@code decide} returns the refusal's message (shown beside the field) or empty when done.
 */
class ReasonDialog extends Dialog {

    ReasonDialog(String title, String confirmText, Function<String, Optional<String>> decide) {
        setHeaderTitle(title);
        TextArea reason = new TextArea("Reason (the provider is told it)");
        reason.setId("decision-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Button confirm = new Button(confirmText, click -> decide.apply(reason.getValue()).ifPresentOrElse(refusal -> {
            reason.setInvalid(true);
            reason.setErrorMessage(refusal);
        }, this::close));
        confirm.setId("decision-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(reason);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        reason.focus();
    }
}
