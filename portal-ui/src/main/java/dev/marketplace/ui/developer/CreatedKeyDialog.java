package dev.marketplace.ui.developer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.keys.application.CreatedKey;

/**
 * A new key's secret, the one time it exists outside its owner's hands (only its hash is stored), with a copy
 * button and ready-to-run snippets that already hold the API base, the key and a model.
 */
class CreatedKeyDialog extends Dialog {

    CreatedKeyDialog(CreatedKey created, String apiBase, String model) {
        setHeaderTitle("Key \u201c" + created.key().name() + "\u201d created");
        setCloseOnOutsideClick(false);
        setWidth("52rem");

        TextField secret = new TextField("Secret key");
        secret.setId("new-key-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        CopyButton copy = new CopyButton("Copy key", created.secret());
        copy.setId("new-key-copy");
        Paragraph note = new Paragraph("Copy it now and keep it safe: it won't be shown again. "
                + "If you lose it, delete it and create a new one.");
        note.addClassName("portal-note");

        TabSheet snippets = new TabSheet();
        snippets.setId("new-key-snippets");
        snippets.setWidthFull();
        for (ApiSnippets.Snippet snippet : ApiSnippets.all(apiBase, created.secret(), model)) {
            String id = "snippet-" + snippet.language().toLowerCase();
            Pre code = new Pre(snippet.code());
            code.setId(id);
            code.addClassName("portal-code");
            CopyButton copyCode = new CopyButton("Copy " + snippet.language(), snippet.code());
            copyCode.setId(id + "-copy");
            snippets.add(snippet.language(), new Div(code, copyCode));
        }
        add(secret, copy, note, new Paragraph("Try it now:"), snippets);

        Button done = new Button("Done", event -> close());
        done.setId("new-key-close");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
