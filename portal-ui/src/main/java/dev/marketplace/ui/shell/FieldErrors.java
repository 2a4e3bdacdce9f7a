package dev.marketplace.ui.shell;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import dev.marketplace.onboarding.signup.domain.FieldError;
import java.util.List;
import java.util.Map;

/** Puts a refused form's errors beside their fields, and the rest (and the summary) into the form's message line. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields, Paragraph message) {
        fields.values().forEach(field -> field.setInvalid(false));
        message.setText("");
    }

    public static void show(Map<String, ? extends HasValidation> fields, Paragraph message, String summary,
                            List<FieldError> errors) {
        StringBuilder text = new StringBuilder(summary);
        for (FieldError error : errors) {
            HasValidation field = fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            } else {
                text.append(". ").append(error.message());
            }
        }
        message.setText(text.toString());
    }
}
