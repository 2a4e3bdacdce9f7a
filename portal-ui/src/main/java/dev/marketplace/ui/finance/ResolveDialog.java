package dev.marketplace.ui.finance;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.marketplace.billing.reconciliation.Corrections;
import dev.marketplace.billing.reconciliation.Difference;
import dev.marketplace.billing.reconciliation.Reconciliation;
import dev.marketplace.billing.reconciliation.ReconciliationException;
import dev.marketplace.ui.shell.Formats;

/**
 * Resolving one difference: a correcting journal against an account (prefilled with the usual one for its kind) or,
 * for a timing difference, carrying it to the next period; a reason either way. Errors appear beside the field they
 * concern; Enter saves, Escape cancels.
 */
final class ResolveDialog extends Dialog {

    enum Kind { CORRECT, TIMING }

    ResolveDialog(Reconciliation reconciliation, Difference d, Kind kind, String actor, Runnable done) {
        setHeaderTitle(kind == Kind.CORRECT ? "Correct difference " + d.id() : "Carry difference " + d.id()
                + " to the next period");
        TextField account = new TextField("Counter account");
        account.setId("resolve-account");
        account.setValue(Corrections.defaultCounterAccount(d));
        account.setWidthFull();
        TextField reason = new TextField("Reason (kept in the journal and the audit log)");
        reason.setId("resolve-reason");
        reason.setRequired(true);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        // Enter saves: the values must be on the server before the shortcut's click, not only on blur
        account.setValueChangeMode(ValueChangeMode.EAGER);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        VerticalLayout form = new VerticalLayout(new Paragraph(d.differenceClass().dbValue() + " · "
                + d.component().dbValue() + " " + d.joinKey() + " · moves " + Formats.usd(d.deltaMicros())));
        if (kind == Kind.CORRECT) {
            form.add(account);
        }
        form.add(reason);
        add(form);
        Button save = new Button(kind == Kind.CORRECT ? "Post correcting journal" : "Mark as timing", e -> {
            account.setInvalid(false);
            reason.setInvalid(false);
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("A reason is required");
                reason.setInvalid(true);
                return;
            }
            try {
                if (kind == Kind.CORRECT) {
                    reconciliation.correct(d.id(), account.getValue(), reason.getValue(), actor);
                } else {
                    reconciliation.markTiming(d.id(), reason.getValue(), actor);
                }
                close();
                done.run();
            } catch (ReconciliationException ex) {
                TextField beside = ex.getMessage().contains("account") ? account : reason;
                beside.setErrorMessage(ex.getMessage());
                beside.setInvalid(true);
            }
        });
        save.setId("resolve-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        setCloseOnEsc(true);
    }
}
