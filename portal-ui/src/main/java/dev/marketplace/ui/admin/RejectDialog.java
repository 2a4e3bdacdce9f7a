package dev.marketplace.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.marketplace.onboarding.signup.application.ApplicationException;
import dev.marketplace.onboarding.signup.application.ApplicationSummary;
import java.util.function.Consumer;

/** Asks for the reason of a rejection (the applicant is told it) and rejects only with one. */
class RejectDialog extends Dialog {

    RejectDialog(ApplicationSummary application, Consumer<String> reject) {
        setHeaderTitle("Reject " + application.organisation());
        TextArea reason = new TextArea("Reason (sent to " + application.username() + ")");
        reason.setId("reject-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Paragraph error = new Paragraph();
        Button confirm = new Button("Reject", click -> {
            try {
                reject.accept(reason.getValue());
                close();
            } catch (ApplicationException e) {
                reason.setInvalid(true);
                reason.setErrorMessage(e.getMessage());
                error.setText(e.getMessage());
            }
        });
        confirm.setId("reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(reason, error);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
    }
}
