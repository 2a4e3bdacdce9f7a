package dev.marketplace.ui.developer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;

/** A button that copies a text to the clipboard, and says so, or says how to copy by hand where it cannot. */
class CopyButton extends Button {

    CopyButton(String label, String text) {
        super(label);
        addClickListener(event -> copy(text));
    }

    private void copy(String text) {
        // the Clipboard API exists only in secure contexts (https, localhost): otherwise say so
        getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0).then(() => true) : false", text)
                .then(Boolean.class,
                        copied -> Notification.show(copied ? "Copied" : "This browser does not allow copying here: select the text and copy it"),
                        error -> Notification.show("Copying failed: select the text and copy it"));
    }
}
