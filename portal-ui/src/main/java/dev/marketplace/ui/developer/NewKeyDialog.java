package dev.marketplace.ui.developer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.keys.application.IssuedApiKey;

/** Shows a new key's secret, the one time it exists outside its owner's hands: only its hash is stored. */
class NewKeyDialog extends Dialog {

    NewKeyDialog(IssuedApiKey issued) {
        setHeaderTitle("Key \u201c" + issued.key().name() + "\u201d created");
        setCloseOnOutsideClick(false);
        setWidth("40rem");

        TextField secret = new TextField("Secret key");
        secret.setId("new-key-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();

        CopyButton copy = new CopyButton("Copy", issued.secret());
        copy.setId("new-key-copy");
        Paragraph note = new Paragraph("Copy it now and keep it safe: it won't be shown again. "
                + "If you lose it, revoke it and create a new one.");
        note.addClassName("portal-note");
        add(secret, copy, note);

        Button done = new Button("Done", event -> close());
        done.setId("new-key-close");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
